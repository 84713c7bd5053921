using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// What a Get-… listing was asked for, collected over its ProcessRecord calls: the names and ids
    /// given or piped, and whether input was given at all. Input that names nothing usable (an empty or
    /// null name, an object refused at binding, an empty pipeline) lists nothing, so the rest of a
    /// pipeline never acts on every resource by accident.
    /// </summary>
    public sealed class ListingRequest
    {
        private readonly string _what;
        private readonly string _command;
        private bool _inputGiven;
        private bool _processed;

        /// <summary>Creates a request for <paramref name="what"/> ("container name or id") of <paramref name="command"/>.</summary>
        public ListingRequest(string what, string command)
        {
            _what = what;
            _command = command;
        }

        /// <summary>The plain and wildcard names asked for.</summary>
        public List<string> Names { get; } = new List<string>();

        /// <summary>The ids (or id prefixes) asked for.</summary>
        public List<string> Ids { get; } = new List<string>();

        /// <summary>Takes one ProcessRecord's -Id values.</summary>
        public void AddIds(IEnumerable<NameOrId>? ids)
        {
            _processed = true;
            _inputGiven = true;
            Ids.AddRange((ids ?? Array.Empty<NameOrId>()).Select(i => i.Value));
        }

        /// <summary>
        /// Takes one ProcessRecord's -Name values (<paramref name="bound"/>: whether -Name was given at
        /// all); the error record for empty or null names, else null.
        /// </summary>
        public ErrorRecord? AddNames(bool bound, NameOrId?[]? names)
        {
            _processed = true;
            if (!bound)
            {
                return null;
            }

            _inputGiven = true;
            Names.AddRange((names ?? Array.Empty<NameOrId>()).Where(n => n is not null).Select(n => n!.Value));
            return names is null || names.Length == 0 || names.Any(n => n is null)
                ? new ErrorRecord(
                    new ArgumentException($"A {_what} cannot be empty or null: nothing was listed for it. ({_command} without names lists every one.)"),
                    "EmptyName",
                    ErrorCategory.InvalidArgument,
                    names)
                : null;
        }

        /// <summary>
        /// Whether names were given (or piped, and refused at binding) and none was usable: then nothing
        /// may be listed, since listing everything would hand the rest of the pipeline every resource.
        /// </summary>
        public bool NamesNothingUsable(bool expectingInput) =>
            (_inputGiven || (!_processed && expectingInput)) && Names.Count == 0 && Ids.Count == 0;
    }
}
