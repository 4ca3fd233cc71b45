namespace FirewallKit.Core.Machine;

/// <summary>What an operation needs: reading works for any user, writing needs elevation.</summary>
public enum FirewallAccess
{
    Read,
    Write,
}
