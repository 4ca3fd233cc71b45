namespace FirewallKit.Core.Profiles;

/// <summary>
/// A value <c>fwkit init</c> was given cannot make a starter profile: <see cref="Field"/> is the value,
/// <see cref="Refusal"/> why, <see cref="Fix"/> the fix in the profile's terms; nothing was written.
/// </summary>
public sealed class StarterValueException(StarterField field, StarterRefusal refusal, string message, string fix)
    : Exception(message)
{
    public StarterField Field { get; } = field;

    public StarterRefusal Refusal { get; } = refusal;

    public string Fix { get; } = fix;
}
