using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The one place that turns engine failures into PowerShell errors: HTTP status → ErrorCategory and
    /// ErrorId, the engine's own message, and whether the engine could not be reached at all.
    /// </summary>
    public static class EngineErrors
    {
        /// <summary>Whether an exception means the engine could not be reached (no socket, refused, TLS).</summary>
        public static bool IsUnreachable(Exception exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (e is DockerApiException)
                {
                    return false;
                }

                if (e is SocketException or HttpRequestException or System.Security.Authentication.AuthenticationException
                    || (e is IOException && e.InnerException is SocketException))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The terminating error for an engine that cannot be reached.</summary>
        public static ErrorRecord Unreachable(Exception exception, EngineEndpoint endpoint)
        {
            var reason = Innermost(exception).Message;
            var message = $"Cannot connect to the Docker engine at {endpoint}: {reason}. "
                + "Check that dockerd is running and that you may use its socket, or point PSDocker at another engine with -DockerHost, -Context or $env:DOCKER_HOST.";
            return new ErrorRecord(new EngineUnreachableException(message, exception), "EngineUnreachable", ErrorCategory.ConnectionError, endpoint.Uri.ToString());
        }

        /// <summary>
        /// Maps an engine API failure to an error record for one item: a known refusal by its message
        /// (<see cref="EngineRefusals"/>: ContainerRunning, ContainerNotRunning, ImageNotFound, …), else
        /// by status: 404 → <c>{Noun}NotFound</c>, 409 → <c>{Noun}Conflict</c> (ResourceBusy),
        /// 400 → InvalidArgument, 401/403 → AuthenticationFailed/PermissionDenied, anything else →
        /// EngineError (NotSpecified); always with the engine's own message.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception exception, string noun, object? target)
        {
            if (exception is DockerApiException api)
            {
                var message = EngineMessage(api);
                var (id, category) = EngineRefusals.Classify(api.StatusCode, message) ?? api.StatusCode switch
                {
                    HttpStatusCode.NotFound => (noun + "NotFound", ErrorCategory.ObjectNotFound),
                    HttpStatusCode.Conflict => (noun + "Conflict", ErrorCategory.ResourceBusy),
                    HttpStatusCode.BadRequest => ("InvalidArgument", ErrorCategory.InvalidArgument),
                    HttpStatusCode.Unauthorized => ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                    HttpStatusCode.Forbidden => ("PermissionDenied", ErrorCategory.PermissionDenied),
                    HttpStatusCode.NotModified => (noun + "NotModified", ErrorCategory.InvalidOperation),
                    _ => ("EngineError", ErrorCategory.NotSpecified),
                };
                return new ErrorRecord(new EngineOperationException(message, api), id, category, target);
            }

            if (exception is ArgumentException)
            {
                return new ErrorRecord(exception, "InvalidArgument", ErrorCategory.InvalidArgument, target);
            }

            return new ErrorRecord(exception, noun + "OperationFailed", ErrorCategory.NotSpecified, target);
        }

        /// <summary>The engine's own message from an API error body (<c>{"message": "…"}</c>).</summary>
        public static string EngineMessage(DockerApiException exception)
        {
            var body = exception.ResponseBody;
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    using var doc = JsonDocument.Parse(body!);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object
                        && doc.RootElement.TryGetProperty("message", out var m)
                        && m.GetString() is { Length: > 0 } text)
                    {
                        return Sentence(text);
                    }
                }
                catch (JsonException)
                {
                    // Not JSON: the body itself is the message.
                }

                return Sentence(body!.Trim());
            }

            return $"The Docker engine answered {(int)exception.StatusCode} ({exception.StatusCode}).";
        }

        private static string Sentence(string text)
        {
            var t = text.Trim();
            if (t.Length == 0)
            {
                return t;
            }

            t = char.ToUpperInvariant(t[0]) + t.Substring(1);
            return t.EndsWith(".", StringComparison.Ordinal) ? t : t + ".";
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException is not null)
            {
                e = e.InnerException;
            }

            return e;
        }
    }

    /// <summary>The engine could not be reached.</summary>
    public sealed class EngineUnreachableException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public EngineUnreachableException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>The engine refused or failed an operation; the message is the engine's.</summary>
    public sealed class EngineOperationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public EngineOperationException(string message, DockerApiException inner)
            : base(message, inner)
        {
            StatusCode = inner.StatusCode;
        }

        /// <summary>The engine's HTTP status.</summary>
        public HttpStatusCode StatusCode { get; }
    }
}
