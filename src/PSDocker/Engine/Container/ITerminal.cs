using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The user's side of a terminal session (<see cref="TerminalSession"/>): where keys come from, where
    /// the container's output goes, and how big the window is. The console implements it in a console
    /// host; tests drive a session through their own.
    /// </summary>
    public interface ITerminal
    {
        /// <summary>The window's size in character cells; (0, 0) when unknown.</summary>
        (int Width, int Height) Size { get; }

        /// <summary>
        /// Waits for typed bytes (escape sequences as the terminal sends them) and copies them into
        /// <paramref name="buffer"/>; 0 at the end of input. Must end within a moment of
        /// <paramref name="cancellation"/> being tripped.
        /// </summary>
        Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellation);

        /// <summary>Writes the container's output as it came, and shows it at once.</summary>
        void WriteOutput(byte[] buffer, int offset, int count);
    }
}
