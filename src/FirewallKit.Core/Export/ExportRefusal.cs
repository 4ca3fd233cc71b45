using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Export;

/// <summary>Why an exporter cannot write a plan in its format; each has its own way out.</summary>
public enum ExportRefusal
{
    /// <summary>The rule names do not fit on one command line.</summary>
    TooManyRules,

    /// <summary>A rule name has characters the format cannot carry.</summary>
    RuleName,

    /// <summary>A rule's text has a character the format cannot carry.</summary>
    RuleText,

    /// <summary>A rule's command is longer than one command line may be.</summary>
    CommandTooLong,

    /// <summary>A rule's command is longer than one command line may be because of its description.</summary>
    DescriptionTooLong,

    /// <summary>An address keyword the format does not document.</summary>
    AddressKeyword,
}
