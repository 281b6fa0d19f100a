using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Widget.Web.Together;

/// <summary>
/// Where a participant's mouse is: the element under it, as a path from the page's body (an id first where the
/// page gives one, then child indexes), and the fraction of that element's width and height at which the mouse
/// stands, so the cursor points at the same thing on a screen of another size. With no path, X is the fraction
/// of the document's width and Y the pixels from its top. <paramref name="Click"/> says the participant clicked
/// there, which the others show as a ripple.
/// </summary>
public sealed partial record CursorPosition(
    string Path,
    double X,
    double Y,
    // Left out when false: nearly every move is not a click, and each batch goes to every member.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Click = false)
{
    public const int MaxPathLength = 400;

    public const double MaxDocumentY = 1_000_000;

    public bool IsValid =>
        Path is not null && Path.Length <= MaxPathLength && PathShape().IsMatch(Path)
        && double.IsFinite(X) && double.IsFinite(Y) && X is >= 0 and <= 1
        && (Path.Length > 0 ? Y is >= 0 and <= 1 : Y is >= 0 and <= MaxDocumentY);

    [GeneratedRegex(@"^(#[A-Za-z][\w-]{0,63})?(/\d{1,4}){0,48}$")]
    private static partial Regex PathShape();
}
