using System;

namespace PSDocker
{
    /// <summary>One line of <c>docker history</c>: a step of the image's history, newest first.</summary>
    public sealed class ImageLayer : EngineObject
    {
        /// <summary>What the engine shows for a step whose image is not local.</summary>
        public const string Missing = "<missing>";

        /// <summary>The image this history belongs to, as the user named it.</summary>
        public string Image { get; set; } = string.Empty;

        /// <summary>The id of the intermediate image of this step, or <c>&lt;missing&gt;</c>.</summary>
        public string Id { get; set; } = Missing;

        /// <summary>The id as the docker CLI shows it.</summary>
        public string ShortId => Id == Missing ? Id : ResourceIds.Short(Id);

        /// <summary>When the step ran (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>The instruction that made the step (<c>/bin/sh -c #(nop) CMD ["sh"]</c>).</summary>
        public string CreatedBy { get; set; } = string.Empty;

        /// <summary>The bytes the step added.</summary>
        public long Size { get; set; }

        /// <summary>The step's comment (<c>docker import</c>, <c>docker commit -m</c>).</summary>
        public string Comment { get; set; } = string.Empty;

        /// <summary>The tags of the step's image, if any.</summary>
        public string[] Tags { get; set; } = Array.Empty<string>();

        /// <inheritdoc />
        public override string ToString() => ShortId + " " + CreatedBy;
    }
}
