using Orleans.Serialization.Cloning;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.CopyingSamples;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Tests;

public sealed class DomainCopyingTests
{
    [Fact]
    public void A_record_of_read_only_immutable_fields_is_shared_across_a_grain_call()
    {
        Assert.Equal(DomainCopy.Share, DomainCopying.Of(typeof(FrozenSample)));
        Assert.Equal(DomainCopy.Share, DomainCopying.Of(typeof(NestedFrozenSample)));
    }

    [Fact]
    public void An_object_whose_fields_can_be_reassigned_but_hold_immutable_values_is_copied_member_wise()
    {
        Assert.Equal(DomainCopy.MemberwiseCopy, DomainCopying.Of(typeof(ReassignableSample)));
    }

    [Fact]
    public void A_field_holding_something_mutable_sends_the_type_through_JSON()
    {
        Assert.Equal(DomainCopy.Json, DomainCopying.Of(typeof(ListSample)));
        Assert.Equal(DomainCopy.Json, DomainCopying.Of(typeof(HoldsReassignableSample)));
        Assert.Equal(DomainCopy.Json, DomainCopying.Of(typeof(OpenSample)));
    }

    [Fact]
    public void Types_outside_the_domain_are_left_to_Orleans()
    {
        Assert.Equal(DomainCopy.Json, DomainCopying.Of(typeof(StartCall)));
        Assert.False(new DomainCopier().IsSupportedType(typeof(string)));
    }

    [Fact]
    public void The_call_cycle_values_are_never_copied_through_JSON()
    {
        // Issue 11: they cross as versioned surrogates (Contracts/Wire), copied by Orleans and shared where a grain
        // interface marks them [Immutable]; the JSON codec never sees them (CallWireContractTests round-trips them).
        Type[] callCycle = [typeof(DialerContact), typeof(DialerHandOut), typeof(OutcomeRequest), typeof(OutcomeDecision), typeof(Campaign), typeof(CallAttempt)];
        Assert.All(callCycle, type => Assert.False(DomainSerialization.IsDomainType(type), type.Name));
    }

    [Fact]
    public void An_order_which_keeps_lists_it_changes_is_copied_through_JSON()
    {
        Assert.Equal(DomainCopy.Json, DomainCopying.Of(typeof(Order)));
    }

    [Fact]
    public void A_member_wise_copy_is_a_new_object_the_caller_can_change_without_touching_the_original()
    {
        var original = new ReassignableSample { Name = "first", Tags = ["a"] };

        var copy = (ReassignableSample)new DomainCopier().DeepCopy(original, null!)!;
        copy.Name = "second";

        Assert.NotSame(original, copy);
        Assert.Equal("first", original.Name);
        Assert.Same(original.Tags, copy.Tags);
    }

    [Fact]
    public void A_shared_record_is_handed_over_as_it_is()
    {
        var original = new FrozenSample("x", 3, DateTimeOffset.UnixEpoch, ["a"]);

        Assert.Same(original, new DomainCopier().DeepCopy(original, null!));
    }
}
