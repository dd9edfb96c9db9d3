using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Domain.Tests;

/// <summary>What the order says, as the api shows it: a row's result and a note's text rendered by the edge's English wording.</summary>
public static class Said
{
    public static string? Result(WorkflowEvent row) => EnglishWording.Result(row);

    public static string Text(OrderNote note) => EnglishWording.Text(note);
}
