using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private static readonly CustomerProfile Rossi = new("Mario Rossi", "mario@example.it", "+390612345678", null, "Europe/Rome", null);

    private ICustomerGrain NewCustomer() => fixture.Client.GetGrain<ICustomerGrain>("cus_" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_customer_is_created_once_and_a_second_create_is_a_conflict_that_changes_nothing()
    {
        var grain = NewCustomer();
        await grain.CreateAsync(Rossi);

        var error = await Assert.ThrowsAsync<DomainException>(() => grain.CreateAsync(Rossi with { Name = "Someone Else" }));

        Assert.Equal(ProblemKind.Conflict, error.Kind);
        Assert.Equal("Mario Rossi", (await grain.GetAsync())!.Profile.Name);
    }

    [Fact]
    public async Task An_invalid_profile_is_refused_with_every_bad_field_and_nothing_is_stored()
    {
        var grain = NewCustomer();

        // The check runs before the grain call (the api's edge), so an invalid profile never reaches the grain.
        var error = await Assert.ThrowsAsync<DomainException>(() => grain.CreateAsync(
            CustomerProfile.Checked(Rossi.Name, Rossi.Email, "06 1234", null, "Mars/Olympus", null)));

        Assert.Equal(ProblemKind.Validation, error.Kind);
        Assert.Contains("phone", error.Errors.Keys);
        Assert.Contains("timeZone", error.Errors.Keys);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Notes_record_author_and_time_and_can_be_deleted()
    {
        var grain = NewCustomer();
        await grain.CreateAsync(Rossi);

        var note = await grain.AddNoteAsync("Prefers calls after 17:00", "agent-1");
        Assert.Equal("agent-1", note.Author);
        Assert.Equal(fixture.Time.GetUtcNow(), note.CreatedAt);

        await grain.DeleteNoteAsync(note.Id);
        Assert.Empty((await grain.GetAsync())!.Notes);
        var error = await Assert.ThrowsAsync<DomainException>(() => grain.DeleteNoteAsync(note.Id));
        Assert.Equal(ProblemKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_card_number_in_a_note_is_cut_to_its_last_four_digits_before_it_is_stored()
    {
        var grain = NewCustomer();
        await grain.CreateAsync(Rossi);

        var note = await grain.AddNoteAsync("Customer read out 4111 1111 1111 1111 on the phone", "agent-1");

        Assert.DoesNotContain("4111 1111 1111 1111", note.Text);
        Assert.Contains("1111", note.Text);
        Assert.DoesNotContain("4111 1111 1111 1111", (await grain.GetAsync())!.Notes[0].Text);
    }

    [Fact]
    public async Task Auto_payments_are_on_by_default_and_can_be_switched_off()
    {
        var grain = NewCustomer();
        Assert.True((await grain.CreateAsync(Rossi)).AutoPaymentsEnabled);

        var changed = await grain.SetAutoPaymentsAsync(false, "admin");

        Assert.False(changed.AutoPaymentsEnabled);
        Assert.False((await grain.GetAsync())!.AutoPaymentsEnabled);
    }

    [Fact]
    public async Task Acting_on_a_customer_that_does_not_exist_is_not_found()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => NewCustomer().AddNoteAsync("hello", "agent-1"));
        Assert.Equal(ProblemKind.NotFound, error.Kind);
    }
}
