namespace FirewallKit.Core.Export;

/// <summary>One file of an export that is not one text: its path inside the output folder (empty for the output file itself) and its bytes.</summary>
public sealed record ExportFile(string RelativePath, ReadOnlyMemory<byte> Content);
