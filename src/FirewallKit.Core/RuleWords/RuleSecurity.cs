namespace FirewallKit.Core.RuleWords;

/// <summary>
/// The IPsec a rule requires of the traffic it matches, in the numbering of the COM API's
/// NET_FW_AUTHENTICATE_TYPE; PowerShell splits it into -Authentication and -Encryption.
/// </summary>
public enum RuleSecurity
{
    NotRequired = 0,
    AuthenticateNoEncapsulation = 1,
    Authenticate = 2,
    AuthenticateDynamicEncryption = 3,
    AuthenticateEncrypt = 4,
}
