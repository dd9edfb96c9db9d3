using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The audio formats a call recording may have: the declared content type must be one of them and the
/// bytes must start the way that format starts (a renamed file or a document is refused).
/// </summary>
public static class RecordingFormats
{
    public static IReadOnlyList<string> Accepted { get; } = ["audio/mpeg", "audio/wav", "audio/x-wav", "audio/wave", "audio/ogg", "audio/webm", "audio/mp4"];

    /// <summary>The normalized content type (parameters dropped), or a refusal that names the accepted types.</summary>
    public static string CheckContentType(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !Accepted.Contains(type))
        {
            throw new DomainException(
                ProblemKind.UnsupportedMediaType,
                "Not an accepted recording format",
                $"A recording is uploaded as one of {string.Join(", ", Accepted)}; got '{Validator.Shorten(contentType ?? "nothing")}'.");
        }

        return type;
    }

    /// <summary>Refuses content that does not start as the declared format starts, or is empty.</summary>
    public static void CheckContent(string contentType, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["body"] = ["is empty: upload the recording's bytes."] });
        }

        if (!Looks(contentType, content))
        {
            throw new DomainException(
                ProblemKind.UnsupportedMediaType,
                "The recording is not what its content type says",
                $"The uploaded bytes do not start like {contentType}.");
        }
    }

    private static bool Looks(string type, ReadOnlySpan<byte> b) => type switch
    {
        "audio/mpeg" => StartsWith(b, "ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0),
        "audio/wav" or "audio/x-wav" or "audio/wave" => b.Length >= 12 && StartsWith(b, "RIFF"u8) && b[8..12].SequenceEqual("WAVE"u8),
        "audio/ogg" => StartsWith(b, "OggS"u8),
        "audio/webm" => StartsWith(b, [0x1A, 0x45, 0xDF, 0xA3]),
        "audio/mp4" => b.Length >= 8 && b[4..8].SequenceEqual("ftyp"u8),
        _ => false,
    };

    private static bool StartsWith(ReadOnlySpan<byte> content, ReadOnlySpan<byte> magic) => content.StartsWith(magic);
}
