using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Domain.Tests;

/// <summary>What the order says, as the api shows it: a row's result and a note's text rendered by the edge's English wording.</summary>
public static class Said
{
    public static string? Result(WorkflowEvent row) => EnglishWording.Result(row);

    public static string Text(OrderNote note) => EnglishWording.Text(note);

    public static string Sentence(Wording wording) => EnglishWording.Render(wording);

    public static string Reason(StatusChange change) => EnglishWording.Reason(change);

    public static string Description(OrderChange change) => EnglishWording.Description(change);

    public static string Description(WorkflowEvent row) => EnglishWording.Description(row);
}
