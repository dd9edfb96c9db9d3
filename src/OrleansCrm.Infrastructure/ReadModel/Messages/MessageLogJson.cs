using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansCrm.Infrastructure.ReadModel.Messages;

/// <summary>How a message log entry is kept in its row's jsonb column (statuses by name).</summary>
internal static class MessageLogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
