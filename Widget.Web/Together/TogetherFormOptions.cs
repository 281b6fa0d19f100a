using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Together;

/// <summary>How much form state one connection may send; the together hub's call limit applies on top.</summary>
public sealed class TogetherFormOptions
{
    public const string Section = "Together:Forms";

    /// <summary>Bytes of form updates one connection may send a second, on average: fast typing costs some 500.</summary>
    [Range(1024, 1_048_576)]
    public int BytesPerSecond { get; set; } = 16 * 1024;

    /// <summary>Bytes one connection may send at once before the average applies: a whole form's state for a joiner.</summary>
    [Range(4096, 4_194_304)]
    public int ByteBurst { get; set; } = 96 * 1024;
}
