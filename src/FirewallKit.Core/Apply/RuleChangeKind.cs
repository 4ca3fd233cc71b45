namespace FirewallKit.Core.Apply;

public enum RuleChangeKind
{
    Create,
    Update,
    Delete,
    Unchanged,
}
