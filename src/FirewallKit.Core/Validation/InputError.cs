namespace FirewallKit.Core.Validation;

/// <summary>One problem in an input file: where it is, what is wrong, and how to fix it.</summary>
public sealed record InputError(string File, string Path, string Message, string Fix)
{
    public override string ToString() => $"{File}: {Path}: {Message}. Fix: {Fix}";
}
