namespace FirewallKit.Cli;

/// <summary>What <c>--format</c> picks on the commands that print for people or for tools.</summary>
internal enum OutputFormat
{
    /// <summary><c>table</c> or <c>text</c>: the same form for people.</summary>
    Text,

    /// <summary><c>json</c>: a versioned contract for tools.</summary>
    Json,
}
