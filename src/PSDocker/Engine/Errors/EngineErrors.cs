using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The one place that turns what the client library raises into <see cref="EngineException"/>s:
    /// refusals by the noun's <see cref="RefusalTable"/> with the engine's own message, an engine that
    /// cannot be reached, an answer that is not the Docker API, anything else as the noun's
    /// OperationFailed. Cancellation passes through untouched.
    /// </summary>
    public static class EngineErrors
    {
        /// <summary>
        /// One read of an engine stream already open (container output, a terminal session): a read ended
        /// by cancelling is an <see cref="OperationCanceledException"/>, a connection that breaks is
        /// EngineStreamInterrupted naming <paramref name="what"/> was read (and the <paramref name="advice"/>),
        /// never a transport's own words.
        /// </summary>
        internal static async Task<T> ReadStreamAsync<T>(Func<Task<T>> read, string what, string? advice, CancellationToken cancellation)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellation);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                throw new EngineException(
                    $"The engine's stream of {what} broke off ({e.Message.TrimEnd('.')}).{(advice is null ? string.Empty : " " + advice)}",
                    "EngineStreamInterrupted",
                    ErrorCategory.ReadError,
                    null,
                    e);
            }
        }

        /// <summary>The engine-layer exception for a failure of a call on <paramref name="endpoint"/>.</summary>
        public static Exception Translate(Exception exception, RefusalTable refusals, EngineEndpoint endpoint)
        {
            if (exception is OperationCanceledException)
            {
                return exception;
            }

            if (Find<EngineException>(exception) is { } already)
            {
                return already;
            }

            if (exception is DockerApiException api)
            {
                var message = EngineMessage(api);
                var (id, category) = refusals.Classify(api.StatusCode, message);
                return new EngineException(message, id, category, (int)api.StatusCode, api);
            }

            if (IsUnreachable(exception))
            {
                return Unreachable(exception, endpoint);
            }

            if (exception is ArgumentNullException or NullReferenceException or InvalidCastException or FormatException)
            {
                return new EngineException(
                    $"The engine at {endpoint} answered with a record of an unexpected shape ({exception.Message}). Check that the address points at a Docker engine.",
                    "EngineResponseInvalid",
                    ErrorCategory.InvalidResult,
                    null,
                    exception);
            }

            if (Find<JsonException>(exception) is { } json)
            {
                return new EngineException(
                    $"The engine at {endpoint} answered with something that is not the Docker API ({json.Message}). Check that the address points at a Docker engine.",
                    "EngineResponseInvalid",
                    ErrorCategory.InvalidResult,
                    null,
                    exception);
            }

            return new EngineException(Innermost(exception).Message, refusals.Noun + "OperationFailed", ErrorCategory.NotSpecified, null, exception);
        }

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

        /// <summary>The exception for an engine that cannot be reached.</summary>
        public static EngineUnreachableException Unreachable(Exception exception, EngineEndpoint endpoint)
        {
            var reason = Innermost(exception).Message;
            for (Exception? e = exception; e is not null; e = e.InnerException)
            {
                if (e is HttpRequestException && e.Message.StartsWith("it ", StringComparison.Ordinal))
                {
                    // The negotiator's own words: "it did not answer within 10 seconds", ….
                    reason = e.Message;
                    break;
                }

                if (e is InvalidOperationException && e.InnerException is null)
                {
                    // The transport's words for a connection closed before any answer ("Sequence contains no elements").
                    reason = "it closed the connection without answering";
                }
            }

            if (endpoint.Uri.Scheme == "unix" && !File.Exists(endpoint.Uri.LocalPath))
            {
                reason = $"no engine listens there ({endpoint.Uri.LocalPath} does not exist)";
            }

            var message = $"Cannot connect to the Docker engine at {endpoint}: {reason.TrimEnd('.')}. "
                + "Check that dockerd is running and that you may use its socket, or point PSDocker at another engine with -DockerHost, -Context or $env:DOCKER_HOST.";
            return new EngineUnreachableException(message, endpoint.ToString(), exception);
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
                        && m.ValueKind == JsonValueKind.String
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

        private static T? Find<T>(Exception e)
            where T : Exception
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
            {
                if (x is T t)
                {
                    return t;
                }
            }

            return null;
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
}
