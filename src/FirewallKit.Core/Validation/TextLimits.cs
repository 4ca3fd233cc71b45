namespace FirewallKit.Core.Validation;

/// <summary>
/// How long a text field of an input file may be, checked while it is read (docs/profile.md lists them). A 64 MiB
/// file is fine to parse, but a 20 MB profile name goes into every rule's description, table and script: without
/// these limits one field cost gigabytes.
/// </summary>
public static class TextLimits
{
    /// <summary>A name: the profile's, a peer's, a rule group, a rule's name or display name.</summary>
    public const int Name = 256;

    /// <summary>A description, and any other text field.</summary>
    public const int Description = 4096;

    /// <summary>A field's name (a JSON key): longer ones are not compared with the known names for a suggestion.</summary>
    public const int FieldName = 256;

    /// <summary>Entries of one list (an address list, a rule's ports): 100,000, beyond the largest deployment measured (docs/benchmarks.md).</summary>
    public const int ListItems = 100_000;

    /// <summary>One entry of a list (an address, a port range, a profile name).</summary>
    public const int ListItem = 256;
}
