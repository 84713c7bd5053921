using System;
using System.IO;
using System.Management.Automation.Host;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// The console as the user's side of a terminal session (Enter-Container, Connect-Container), and the
    /// only platform code of the module: opening it puts the console in raw mode (Unix: termios through
    /// libc's tcgetattr/cfmakeraw/tcsetattr, as the docker CLI's moby/term does; Windows: SetConsoleMode with
    /// virtual-terminal input and output), and disposing it restores the mode it found. Keys are read as
    /// bytes from stdin (never through the host's ReadKey), so escape sequences and Ctrl+C reach the
    /// container as a terminal sends them; reads wake every 100 ms to see whether the session ended, so
    /// nothing is left reading the console afterwards.
    /// </summary>
    internal sealed class ConsoleTerminal : ITerminal, IDisposable
    {
        private const int PollMilliseconds = 100;
        private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private readonly Stream _output;
        private readonly byte[]? _savedTermios;
        private readonly IntPtr _inputHandle;
        private readonly uint _savedInputMode;
        private readonly IntPtr _outputHandle;
        private readonly uint _savedOutputMode;
        private readonly uint _savedOutputCodePage;
        private readonly Encoder _utf8 = new UTF8Encoding(false).GetEncoder();
        private int _restored;

        private ConsoleTerminal()
        {
            _output = Console.OpenStandardOutput();
            if (IsWindows)
            {
                _inputHandle = GetStdHandle(StdInputHandle);
                _outputHandle = GetStdHandle(StdOutputHandle);
                if (!GetConsoleMode(_inputHandle, out _savedInputMode) || !GetConsoleMode(_outputHandle, out _savedOutputMode))
                {
                    throw new IOException("The console's mode could not be read (error " + Marshal.GetLastWin32Error() + ").");
                }

                var input = (_savedInputMode & ~(EnableEchoInput | EnableLineInput | EnableMouseInput | EnableWindowInput | EnableProcessedInput))
                    | EnableExtendedFlags | EnableInsertMode | EnableQuickEditMode | EnableVirtualTerminalInput;
                var output = _savedOutputMode | EnableVirtualTerminalProcessing | DisableNewlineAutoReturn;
                _savedOutputCodePage = GetConsoleOutputCP();
                if (!SetConsoleMode(_inputHandle, input) || !SetConsoleMode(_outputHandle, output))
                {
                    var error = Marshal.GetLastWin32Error();
                    Restore();
                    throw new IOException("The console could not be put in raw mode (error " + error + ").");
                }

                // The container's output is UTF-8.
                SetConsoleOutputCP(65001);
            }
            else
            {
                // Kept opaque: termios differs between Linux and macOS, and only libc reads it.
                _savedTermios = new byte[256];
                if (TcGetAttr(StdIn, _savedTermios) != 0)
                {
                    throw new IOException("The terminal's mode could not be read (errno " + Marshal.GetLastWin32Error() + ").");
                }

                var raw = (byte[])_savedTermios.Clone();
                CfMakeRaw(raw);
                if (TcSetAttr(StdIn, TcsaNow, raw) != 0)
                {
                    throw new IOException("The terminal could not be put in raw mode (errno " + Marshal.GetLastWin32Error() + ").");
                }
            }
        }

        /// <inheritdoc />
        public (int Width, int Height) Size
        {
            get
            {
                try
                {
                    return (Console.WindowWidth, Console.WindowHeight);
                }
                catch (IOException)
                {
                    return (0, 0);
                }
            }
        }

        /// <summary>
        /// Why this session has no console a terminal session can use, in the user's words; null when it
        /// has one: PowerShell's console host, input and output not redirected, not -NonInteractive.
        /// </summary>
        public static string? Unavailable(PSHost host)
        {
            if (!string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal))
            {
                return $"the host '{host.Name}' is not PowerShell's console";
            }

            if (Console.IsInputRedirected)
            {
                return "its input is redirected";
            }

            if (Console.IsOutputRedirected)
            {
                return "its output is redirected";
            }

            foreach (var argument in Environment.GetCommandLineArgs())
            {
                var name = argument.TrimStart('-', '/').ToLowerInvariant();
                if (name.Length >= 4 && argument.Length > name.Length && "noninteractive".StartsWith(name, StringComparison.Ordinal))
                {
                    return "PowerShell runs with -NonInteractive";
                }
            }

            return null;
        }

        /// <summary>Puts the console in raw mode until the terminal is disposed.</summary>
        public static ConsoleTerminal Open() => new ConsoleTerminal();

        /// <inheritdoc />
        public Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellation) =>
            Task.Run(() => IsWindows ? ReadWindows(buffer, cancellation) : ReadUnix(buffer, cancellation), cancellation);

        /// <inheritdoc />
        public void WriteOutput(byte[] buffer, int offset, int count)
        {
            _output.Write(buffer, offset, count);
            _output.Flush();
        }

        /// <summary>Restores the console's mode.</summary>
        public void Dispose()
        {
            Restore();
            _output.Dispose();
        }

        private void Restore()
        {
            if (Interlocked.Exchange(ref _restored, 1) != 0)
            {
                return;
            }

            if (IsWindows)
            {
                SetConsoleMode(_inputHandle, _savedInputMode);
                SetConsoleMode(_outputHandle, _savedOutputMode);
                if (_savedOutputCodePage != 0)
                {
                    SetConsoleOutputCP(_savedOutputCodePage);
                }
            }
            else if (_savedTermios is not null)
            {
                TcSetAttr(StdIn, TcsaNow, _savedTermios);
            }
        }

        private static int ReadUnix(byte[] buffer, CancellationToken cancellation)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var poll = new PollFd { Fd = StdIn, Events = PollIn };
                var ready = Poll(ref poll, (UIntPtr)1, PollMilliseconds);
                if (ready == 0 || (ready < 0 && Marshal.GetLastWin32Error() == Eintr))
                {
                    continue;
                }

                if (ready < 0)
                {
                    throw new IOException("The terminal could not be read (errno " + Marshal.GetLastWin32Error() + ").");
                }

                var count = (long)Read(StdIn, buffer, (UIntPtr)buffer.Length);
                if (count < 0)
                {
                    if (Marshal.GetLastWin32Error() == Eintr)
                    {
                        continue;
                    }

                    throw new IOException("The terminal could not be read (errno " + Marshal.GetLastWin32Error() + ").");
                }

                return (int)count;
            }
        }

        private int ReadWindows(byte[] buffer, CancellationToken cancellation)
        {
            var records = new InputRecord[64];
            var chars = new char[buffer.Length / 4];
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (WaitForSingleObject(_inputHandle, PollMilliseconds) != 0)
                {
                    continue;
                }

                // Only key presses with a character are input; focus, mouse and key-up events would leave
                // ReadConsole waiting, so they are taken off the queue here.
                if (!PeekConsoleInputW(_inputHandle, records, (uint)records.Length, out var pending) || pending == 0)
                {
                    continue;
                }

                var typed = false;
                for (var i = 0; i < pending && !typed; i++)
                {
                    typed = records[i].EventType == KeyEvent && records[i].KeyDown != 0 && records[i].UnicodeChar != 0;
                }

                if (!typed)
                {
                    ReadConsoleInputW(_inputHandle, records, pending, out _);
                    continue;
                }

                if (!ReadConsoleW(_inputHandle, chars, (uint)chars.Length, out var read, IntPtr.Zero))
                {
                    throw new IOException("The console could not be read (error " + Marshal.GetLastWin32Error() + ").");
                }

                if (read > 0)
                {
                    return _utf8.GetBytes(chars, 0, (int)read, buffer, 0, flush: false);
                }
            }
        }

        private const int StdIn = 0;
        private const int TcsaNow = 0;
        private const short PollIn = 1;
        private const int Eintr = 4;

        private const int StdInputHandle = -10;
        private const int StdOutputHandle = -11;
        private const uint EnableProcessedInput = 0x1;
        private const uint EnableLineInput = 0x2;
        private const uint EnableEchoInput = 0x4;
        private const uint EnableWindowInput = 0x8;
        private const uint EnableMouseInput = 0x10;
        private const uint EnableInsertMode = 0x20;
        private const uint EnableQuickEditMode = 0x40;
        private const uint EnableExtendedFlags = 0x80;
        private const uint EnableVirtualTerminalInput = 0x200;
        private const uint EnableVirtualTerminalProcessing = 0x4;
        private const uint DisableNewlineAutoReturn = 0x8;
        private const ushort KeyEvent = 0x1;

        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        [StructLayout(LayoutKind.Explicit, Size = 20)]
        private struct InputRecord
        {
            [FieldOffset(0)]
            public ushort EventType;
            [FieldOffset(4)]
            public int KeyDown;
            [FieldOffset(14)]
            public ushort UnicodeChar;
        }

        [DllImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
        private static extern int TcGetAttr(int fd, byte[] termios);

        [DllImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
        private static extern int TcSetAttr(int fd, int optionalActions, byte[] termios);

        [DllImport("libc", EntryPoint = "cfmakeraw")]
        private static extern void CfMakeRaw(byte[] termios);

        [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
        private static extern int Poll(ref PollFd fds, UIntPtr count, int timeout);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern IntPtr Read(int fd, byte[] buffer, UIntPtr count);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern IntPtr GetStdHandle(int handle);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool GetConsoleMode(IntPtr handle, out uint mode);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool SetConsoleMode(IntPtr handle, uint mode);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern uint GetConsoleOutputCP();

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool SetConsoleOutputCP(uint codePage);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern uint WaitForSingleObject(IntPtr handle, int milliseconds);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool PeekConsoleInputW(IntPtr handle, [Out] InputRecord[] buffer, uint length, out uint read);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool ReadConsoleInputW(IntPtr handle, [Out] InputRecord[] buffer, uint length, out uint read);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool ReadConsoleW(IntPtr handle, [Out] char[] buffer, uint length, out uint read, IntPtr control);
    }
}
