using Microsoft.AspNetCore.Mvc;

namespace Widget.Web.Together;

/// <summary>
/// Forms filled in together: participants pass each other opaque Yjs updates of a page's form state, and say
/// which field they are in. The server checks who sends, the size and the rate, and passes the rest on
/// unread; it keeps none of it. What a page keeps private never leaves the page (see the host page's fields.js).
/// </summary>
public sealed partial class TogetherHub
{
    public async Task SendForm(string sessionId, FormUpdate update, [FromServices] FormBudget budget)
    {
        var userId = await ParticipantAsync(sessionId);
        if (!update.IsValid)
        {
            throw Refusal("Together.BadForm");
        }

        if (!budget.TrySpend(Context, update.Data.Length + update.Page.Length))
        {
            throw Refusal("Together.TooFast");
        }

        await Clients.GroupExcept(Group(sessionId), [Context.ConnectionId]).FormChanged(new FormRelay(sessionId, userId, update));
    }

    /// <summary>A participant who opens a page asks the others there for what they hold; each answers with <see cref="SendForm"/>.</summary>
    public async Task AskForm(string sessionId, string page)
    {
        await ParticipantAsync(sessionId);
        if (!FormPage.IsValid(page))
        {
            throw Refusal("Together.BadForm");
        }

        await Clients.GroupExcept(Group(sessionId), [Context.ConnectionId]).FormAsked(new FormQuestion(sessionId, page));
    }

    public async Task FocusField(string sessionId, string page, string? field)
    {
        var userId = await ParticipantAsync(sessionId);
        if (!FormPage.IsValid(page) || !FormPage.IsValidField(field))
        {
            throw Refusal("Together.BadForm");
        }

        await Clients.GroupExcept(Group(sessionId), [Context.ConnectionId]).FieldFocused(new FieldFocus(sessionId, userId, page, field));
    }
}
