using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widget.Web.Viewing;

public static class SiteSettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
