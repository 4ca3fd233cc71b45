namespace FirewallKit.Core.Validation;

/// <summary>Thrown when an input file is invalid. The CLI prints <see cref="Errors"/> and exits 2; nothing is written.</summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public InputException(string file, string path, string message, string fix)
        : this([new InputError(file, path, message, fix)])
    {
    }

    public IReadOnlyList<InputError> Errors { get; }
}
