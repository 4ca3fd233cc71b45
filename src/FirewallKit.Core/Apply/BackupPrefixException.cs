namespace FirewallKit.Core.Apply;

/// <summary>
/// A backup that is fwkit's in every other way, but whose rules are named with <see cref="Prefix"/>
/// rather than the prefix of the catalog in use: most likely written with another catalog, which the
/// front end can tell the user how to give. Nothing was read from the firewall or written to it.
/// </summary>
public sealed class BackupPrefixException(string file, string prefix, string expectedPrefix)
    : Exception($"'{prefix}' is not the rule name prefix of the catalog in use ('{expectedPrefix}')")
{
    public string File { get; } = file;

    public string Prefix { get; } = prefix;

    public string ExpectedPrefix { get; } = expectedPrefix;
}
