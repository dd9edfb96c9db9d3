namespace OrleansCrm.Grains.Scheduling;

public static class DueWork
{
    public const string ReminderName = "due-work";
}
