using System.Text.Json;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// A value the JSON edge refuses, with what is wrong in words a client can act on. System.Text.Json
/// fills in <see cref="JsonException.Path"/>; <see cref="Member"/> names a property under that path.
/// </summary>
public sealed class InputRefusedException(string message, string? member = null) : JsonException(message)
{
    public string? Member { get; } = member;
}
