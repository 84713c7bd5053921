namespace PSDocker.Host;

/// <summary>The entry point: parse the arguments, find the module, run the session.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        HostOptions options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"PSDocker.Host: {e.Message}");
            Console.Error.WriteLine(CommandLine.Usage);
            return 64;
        }

        if (options.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        if (options.Version)
        {
            Console.WriteLine($"PSDocker.Host {ConsoleHost.DisplayVersion} (PowerShell {HostSession.PowerShellVersion})");
            return 0;
        }

        string module;
        try
        {
            module = ModuleLocator.Find(options.Module, AppContext.BaseDirectory);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"PSDocker.Host: {e.Message}");
            return 1;
        }

        var output = ConsoleOutput.ForConsole();
        using var session = new HostSession(output, ConsoleInput.ForConsole(output), options.NonInteractive);
        return session.Run(options, module);
    }
}
