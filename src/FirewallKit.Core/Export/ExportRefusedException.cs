namespace FirewallKit.Core.Export;

/// <summary>
/// The plan cannot be written in <see cref="Format"/>: <see cref="Path"/> is the plan contract's path
/// of the value that cannot be carried, and <see cref="Refusal"/> says why; nothing was written.
/// </summary>
public sealed class ExportRefusedException(ExportFormat format, ExportRefusal refusal, string path, string message)
    : Exception(message)
{
    public ExportFormat Format { get; } = format;

    public ExportRefusal Refusal { get; } = refusal;

    public string Path { get; } = path;
}
