namespace FirewallKit.Core.Addresses;

/// <summary>An address token that is not a form Windows Firewall accepts; the message says which forms are.</summary>
public sealed class AddressParseException(string token, string reason)
    : FormatException(AddressParser.Describe(token, reason))
{
    public string Token { get; } = token;

    public string Reason { get; } = reason;
}
