using System.Text;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class RecordingFormatsTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Wav => [.. Ascii("RIFF"), 0x24, 0x08, 0x00, 0x00, .. Ascii("WAVEfmt ")];

    private static byte[] Mp3WithTag => [.. Ascii("ID3"), 0x04, 0x00, 0x00];

    private static byte[] Mp3Frame => [0xFF, 0xFB, 0x90, 0x64];

    private static byte[] Ogg => [.. Ascii("OggS"), 0x00, 0x02];

    private static byte[] WebM => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42];

    private static byte[] Mp4 => [0x00, 0x00, 0x00, 0x20, .. Ascii("ftypM4A ")];

    private static byte[] Pdf => Ascii("%PDF-1.7\n");

    private static DomainException Refused(ProblemKind kind, Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }

    // ---- the declared type ----

    [Fact]
    public void The_accepted_recording_types_are_mp3_wav_ogg_webm_and_mp4_audio()
    {
        Assert.Equal(["audio/mpeg", "audio/wav", "audio/x-wav", "audio/wave", "audio/ogg", "audio/webm", "audio/mp4"], RecordingFormats.Accepted);
    }

    [Theory]
    [InlineData("audio/mpeg", "audio/mpeg")]
    [InlineData("audio/x-wav", "audio/x-wav")]
    [InlineData("Audio/OGG", "audio/ogg")]
    [InlineData(" audio/webm ; codecs=opus", "audio/webm")]
    [InlineData("audio/mp4;charset=binary", "audio/mp4")]
    public void An_accepted_type_is_normalized_without_its_parameters(string declared, string normalized)
    {
        Assert.Equal(normalized, RecordingFormats.CheckContentType(declared));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/pdf")]
    [InlineData("audio/flac")]
    [InlineData("video/mp4")]
    [InlineData("audio/*")]
    [InlineData("application/octet-stream")]
    public void Any_other_type_is_refused_as_an_unsupported_media_type_naming_the_accepted_ones(string? declared)
    {
        var refusal = Refused(ProblemKind.UnsupportedMediaType, () => RecordingFormats.CheckContentType(declared));

        Assert.Contains("audio/mpeg", refusal.Detail);
        Assert.Contains("audio/mp4", refusal.Detail);
    }

    // ---- the bytes ----

    public static TheoryData<string, byte[]> RecordingsThatLookRight() => new()
    {
        { "audio/mpeg", Mp3WithTag },
        { "audio/mpeg", Mp3Frame },
        { "audio/wav", Wav },
        { "audio/x-wav", Wav },
        { "audio/wave", Wav },
        { "audio/ogg", Ogg },
        { "audio/webm", WebM },
        { "audio/mp4", Mp4 },
    };

    [Theory]
    [MemberData(nameof(RecordingsThatLookRight))]
    public void Content_that_starts_the_way_its_format_starts_is_accepted(string type, byte[] content)
    {
        RecordingFormats.CheckContent(type, content);
    }

    public static TheoryData<string, byte[]> RecordingsThatLookWrong() => new()
    {
        { "audio/mpeg", Pdf },
        { "audio/mpeg", [0xFF] },
        { "audio/mpeg", [0xFF, 0x1F] },
        { "audio/mpeg", Ascii("ID") },
        { "audio/wav", Ascii("RIFF") },
        { "audio/wav", [.. Ascii("RIFF"), 0x24, 0x08, 0x00, 0x00, .. Ascii("AVI LIST")] },
        { "audio/wav", Ogg },
        { "audio/ogg", Wav },
        { "audio/ogg", Ascii("Ogg") },
        { "audio/webm", [0x1A, 0x45, 0xDF] },
        { "audio/webm", Mp4 },
        { "audio/mp4", Ascii("ftyp") },
        { "audio/mp4", [.. Ascii("ftyp"), 0x00, 0x00, 0x00, 0x20] },
        { "audio/mp4", Pdf },
    };

    [Theory]
    [MemberData(nameof(RecordingsThatLookWrong))]
    public void Content_that_does_not_start_the_way_its_declared_format_starts_is_refused(string type, byte[] content)
    {
        var refusal = Refused(ProblemKind.UnsupportedMediaType, () => RecordingFormats.CheckContent(type, content));

        Assert.Contains(type, refusal.Detail);
    }

    [Fact]
    public void A_renamed_document_is_refused_whatever_audio_type_it_claims()
    {
        foreach (var type in RecordingFormats.Accepted)
        {
            Refused(ProblemKind.UnsupportedMediaType, () => RecordingFormats.CheckContent(type, Pdf));
        }
    }

    [Fact]
    public void An_empty_body_is_refused_as_bad_input_on_the_body()
    {
        foreach (var type in RecordingFormats.Accepted)
        {
            Refusals.OnlyFor("body", () => RecordingFormats.CheckContent(type, []));
        }
    }
}
