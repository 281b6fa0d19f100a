using System.Text.Json;

namespace Widget.Web.Language;

/// <summary>A count's words in each plural form of a language ("one": "{0} new", ...), for the browser's
/// <c>Intl.PluralRules</c> to choose from; rendered into the page as JSON.</summary>
public sealed record PluralText(IReadOnlyDictionary<string, string> Forms)
{
    public string ToJson() => JsonSerializer.Serialize(Forms);
}
