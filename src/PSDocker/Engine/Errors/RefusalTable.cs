using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;

namespace PSDocker.EngineAccess
{
    /// <summary>One refusal of the engine, known by a fragment of its message.</summary>
    public sealed class Refusal
    {
        /// <summary>Creates a refusal; <paramref name="notFound"/> says it comes with a 404.</summary>
        public Refusal(string fragment, bool notFound, string errorId, ErrorCategory category)
        {
            Fragment = fragment;
            NotFound = notFound;
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>The part of the engine's message that identifies it.</summary>
        public string Fragment { get; }

        /// <summary>Whether the engine answers it with 404 (else another 4xx/5xx).</summary>
        public bool NotFound { get; }

        /// <summary>The ErrorId it becomes.</summary>
        public string ErrorId { get; }

        /// <summary>The category it becomes.</summary>
        public ErrorCategory Category { get; }
    }

    /// <summary>
    /// The refusals of one noun's calls, by message: the engine answers a missing image or network with
    /// the same 404 as a missing container, and state refusals with 409 (or 500), so the message
    /// decides. Each service has its own table; what no entry names falls back to the HTTP status with
    /// the noun's ErrorIds (<c>{Noun}NotFound</c>, <c>{Noun}Conflict</c>).
    /// </summary>
    public sealed class RefusalTable
    {
        private readonly IReadOnlyList<Refusal> _refusals;

        /// <summary>Creates the table of a noun.</summary>
        public RefusalTable(string noun, params Refusal[] refusals)
        {
            Noun = noun;
            _refusals = refusals;
        }

        /// <summary>The noun of the calls (Container, Image, …), for fallback ErrorIds.</summary>
        public string Noun { get; }

        /// <summary>The ErrorId and category for an engine answer.</summary>
        public (string ErrorId, ErrorCategory Category) Classify(HttpStatusCode status, string message)
        {
            var notFound = status == HttpStatusCode.NotFound;
            foreach (var r in _refusals)
            {
                if (r.NotFound == notFound && message.IndexOf(r.Fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return (r.ErrorId, r.Category);
                }
            }

            return status switch
            {
                HttpStatusCode.NotFound => (Noun + "NotFound", ErrorCategory.ObjectNotFound),
                HttpStatusCode.Conflict => (Noun + "Conflict", ErrorCategory.ResourceBusy),
                HttpStatusCode.BadRequest => ("InvalidArgument", ErrorCategory.InvalidArgument),
                HttpStatusCode.Unauthorized => ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                HttpStatusCode.Forbidden => ("PermissionDenied", ErrorCategory.PermissionDenied),
                HttpStatusCode.NotModified => (Noun + "NotModified", ErrorCategory.InvalidOperation),
                _ => ("EngineError", ErrorCategory.NotSpecified),
            };
        }
    }
}
