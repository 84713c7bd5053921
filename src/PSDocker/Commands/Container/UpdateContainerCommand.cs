using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes the memory limit, CPUs and restart policy of containers (docker update).</para>
    /// <para type="description">Running containers take the new limits at once. What is not given stays
    /// as it is; giving nothing to change is an error.</para>
    /// </summary>
    [Cmdlet(VerbsData.Update, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class UpdateContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
    {
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private ContainerUpdateOptions _options = new ContainerUpdateOptions();

        /// <summary>Memory limit in bytes: a number (<c>512MB</c>) or a docker size (<c>'512m'</c>, <c>'1g'</c>).</summary>
        [Parameter]
        [ByteSizeTransformation]
        [ValidateRange(1L, long.MaxValue)]
        public long? Memory { get; set; }

        /// <summary>Memory plus swap limit in bytes (<c>'1g'</c>); -1 for unlimited swap.</summary>
        [Parameter]
        [SwapSizeTransformation]
        [ValidateRange(-1L, long.MaxValue)]
        public long? MemorySwap { get; set; }

        /// <summary>How many CPUs the container may use (<c>1.5</c>: one and a half).</summary>
        [Parameter]
        [ValidateRange(0.001, 1024.0)]
        public double? Cpus { get; set; }

        /// <summary>When the engine restarts the container: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c> or <c>on-failure:N</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RestartPolicyCompleter))]
        [Alias("Restart")]
        public string? RestartPolicy { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Update " + Describe();

        /// <inheritdoc />
        protected override void Begin()
        {
            _options = new ContainerUpdateOptions { Memory = Memory, MemorySwap = MemorySwap, Cpus = Cpus, RestartPolicy = RestartPolicy };
            if (_options.IsEmpty)
            {
                ThrowArgumentError("Give -Memory, -MemorySwap, -Cpus or -RestartPolicy: there is nothing to update.", "NothingToUpdate", null);
            }

            try
            {
                _options.Validate();
            }
            catch (InvalidSpecException e)
            {
                ThrowTerminatingError(ToErrorRecord(e, RestartPolicy));
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override void Process()
        {
            base.Process();
            WriteWarnings();
        }

        /// <inheritdoc />
        protected override void End()
        {
            base.End();
            WriteWarnings();
        }

        /// <inheritdoc />
        protected override async Task ChangeAsync(ResourceTarget target, CancellationToken cancellation)
        {
            foreach (var warning in await target.Engine.Containers.UpdateAsync(target.Reference, _options, cancellation).ConfigureAwait(false))
            {
                _warnings.Enqueue(target.DisplayName + ": " + warning);
            }
        }

        private void WriteWarnings()
        {
            while (_warnings.TryDequeue(out var warning))
            {
                WriteWarning(warning);
            }
        }

        private string Describe()
        {
            var parts = new List<string>();
            if (Memory is { } memory)
            {
                parts.Add("memory " + DisplayText.Size(memory));
            }

            if (MemorySwap is { } swap)
            {
                parts.Add("memory+swap " + (swap < 0 ? "unlimited" : DisplayText.Size(swap)));
            }

            if (Cpus is { } cpus)
            {
                parts.Add("cpus " + cpus.ToString(CultureInfo.InvariantCulture));
            }

            if (RestartPolicy is { } policy)
            {
                parts.Add("restart " + policy);
            }

            return "(" + string.Join(", ", parts) + ")";
        }
    }
}
