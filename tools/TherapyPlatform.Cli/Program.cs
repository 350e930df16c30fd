using System.CommandLine;
using TherapyPlatform.Cli.C3d;

// Each capability contributes one subcommand from its own folder.
var root = new RootCommand("therapy: TherapyPlatform command-line tools");
root.Subcommands.Add(C3dCommand.Create());
root.Subcommands.Add(TherapyPlatform.Cli.Emg.EmgCommand.Create());
root.Subcommands.Add(TherapyPlatform.Cli.Tokens.TokenCommand.Create());
return root.Parse(args).Invoke();
