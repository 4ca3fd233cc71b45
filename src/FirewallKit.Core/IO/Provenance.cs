namespace FirewallKit.Core.IO;

/// <summary>
/// The command that makes an output again, spelled by the front end that ran it (such as
/// <c>fwkit export</c> with its format): the core writes it into the output as given and never
/// composes one, since only the command line knows its own options.
/// </summary>
public sealed record Provenance
{
    public Provenance(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        Command = command;
    }

    public string Command { get; }
}
