namespace FirewallKit.Core.Apply;

/// <summary>The firewall holds something fwkit cannot read or write safely; the message says what and how to fix it.</summary>
public sealed class FirewallStoreException : Exception
{
    public FirewallStoreException(string message)
        : base(message)
    {
    }

    public FirewallStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
