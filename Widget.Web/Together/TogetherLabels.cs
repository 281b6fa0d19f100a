using Widget.Core.Sites;
using Widget.Web.Language;

namespace Widget.Web.Together;

/// <summary>The words of the widget's "Browse together" panel, in the site's language.</summary>
public sealed record TogetherLabels(
    string Start,
    string Invite,
    string Link,
    string Copy,
    string Copied,
    string End,
    string Leave,
    string Invited,
    string Shares,
    string SignInToJoin,
    string AskToJoin,
    string Waiting,
    string WantsToJoin,
    string Admit,
    string Decline,
    string DeclinedYou,
    string People,
    string Remove,
    string RemovedYou,
    string Ended,
    string Unreachable,
    string Joined,
    string Left,
    string Editing,
    string Above,
    string Below)
{
    public static TogetherLabels For(WidgetLanguage language)
    {
        string Text(string key) => VisitorText.Get(language, "Together." + key);
        return new(
            Text("Start"), Text("Invite"), Text("Link"), Text("Copy"), Text("Copied"), Text("End"), Text("Leave"),
            Text("Invited"), Text("Shares"), Text("SignInToJoin"), Text("AskToJoin"), Text("Waiting"), Text("WantsToJoin"),
            Text("Admit"), Text("Decline"), Text("DeclinedYou"), Text("People"), Text("Remove"), Text("RemovedYou"), Text("Ended"),
            Text("Unreachable"), Text("Joined"), Text("Left"), Text("Editing"), Text("Above"), Text("Below"));
    }
}
