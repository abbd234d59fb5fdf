using System.CommandLine;
using Coach.Commands;

namespace Coach;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("coach: micro-coaching for Dynamics 365 Sales, from the command line.")
        {
            SimulateCommand.Create(),
            IcpCommand.Create(),
            PackCommand.Create(),
            CheckCommand.Create(),
            DeployCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
