using System.Text.RegularExpressions;

namespace Widget.Web.Together;

/// <summary>
/// A piece of a page's shared form state: an opaque Yjs update in base64, cut into <see cref="Parts"/> pieces
/// when it is larger than one message may be (a joiner's copy of a long form), for the page at
/// <see cref="Page"/> (a path: participants on other pages ignore it). The server never reads the update.
/// </summary>
public sealed partial record FormUpdate(string Page, string Data, int Part, int Parts)
{
    /// <summary>Base64 characters in one piece, so that a piece with its page fits the hub's 4 KB message.</summary>
    public const int MaxDataLength = 3000;

    /// <summary>The most pieces one update may have: about 70 KB of form state.</summary>
    public const int MaxParts = 32;

    public bool IsValid =>
        FormPage.IsValid(Page) && Data is { Length: > 0 and <= MaxDataLength } && Base64().IsMatch(Data)
        && Parts is >= 1 and <= MaxParts && Part >= 0 && Part < Parts;

    [GeneratedRegex("^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();
}

/// <summary>A page of the site, as the path of its address: the form state of one page is shared only there.</summary>
public static partial class FormPage
{
    public const int MaxLength = 400;

    public static bool IsValid(string? page) => page is { Length: > 0 and <= MaxLength } && Shape().IsMatch(page);

    /// <summary>A field's name for everyone on the page: an id, or a form, a name and an index (see fields.js).</summary>
    public static bool IsValidField(string? field) => field is null || (field.Length is > 0 and <= MaxLength && !field.Any(char.IsControl));

    [GeneratedRegex(@"^/[\x21-\x7e]*$")]
    private static partial Regex Shape();
}

/// <summary>An update passed on to the other participants, with who sent it.</summary>
public sealed record FormRelay(string SessionId, long UserId, FormUpdate Update);

/// <summary>A participant just opened the page and asks the others there for the form state they hold.</summary>
public sealed record FormQuestion(string SessionId, string Page);

/// <summary>Which field a participant is editing on the page now; null when none.</summary>
public sealed record FieldFocus(string SessionId, long UserId, string Page, string? Field);
