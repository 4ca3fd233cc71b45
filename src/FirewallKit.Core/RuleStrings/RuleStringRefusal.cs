using FirewallKit.Core.Rules;

namespace FirewallKit.Core.RuleStrings;

/// <summary>Why a rule cannot be written as a rule string: the field whose value the grammar cannot carry, and the problem.</summary>
public sealed record RuleStringRefusal(RuleField Field, string Problem);
