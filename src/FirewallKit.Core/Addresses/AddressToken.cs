namespace FirewallKit.Core.Addresses;

/// <summary>One parsed address token: exactly one of <see cref="Range"/> and <see cref="Keyword"/> is set.</summary>
public readonly record struct AddressToken(AddressRange? Range, AddressKeyword? Keyword);
