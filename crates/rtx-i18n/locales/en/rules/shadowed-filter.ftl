## shadowed-filter

rule-summary-shadowed-filter = a filter of a secure filter list that the filters before it always decide first

# Why a filter never matches. $action: its action keyword (pass, reject, restrict);
# $taker_action: the action of the filter that takes its packets; $filter: a filter number;
# $filters: several, listed.
shadowed-filter-reason-repeated = it is listed earlier in this list, where it already { $action ->
        [pass] passes
        [reject] rejects
       *[restrict] restricts
    } every packet it would
shadowed-filter-reason-one = filter { $filter } before it already { $action ->
        [pass] passes
        [reject] rejects
       *[restrict] restricts
    } every packet it would
shadowed-filter-reason-many = filters { $filters } before it already match every packet it would, and { $action } them too
shadowed-filter-reason-one-differs = filter { $filter } before it already { $taker_action ->
        [pass] passes
        [reject] rejects
       *[restrict] restricts
    } every packet it would { $action }
shadowed-filter-reason-many-differ = filters { $filters } before it already match every packet it would, and filter { $filter } { $taker_action ->
        [pass] passes
        [reject] rejects
       *[restrict] restricts
    } some of them
# $filter: the filter that never matches; $list: the list's command (`ip lan2 secure filter in`);
# $reason: one of the reasons above.
shadowed-filter-dead = filter { $filter } in `{ $list }` never matches: { $reason }, so it is dead
shadowed-filter-dead-help = remove this { $filter } from the list
shadowed-filter-overridden = filter { $filter } in `{ $list }` never matches: { $reason }, so its `{ $action }` does not take effect
# $first: the first filter that takes its packets.
shadowed-filter-overridden-help = move { $filter } before { $first } if its `{ $action }` should decide, or remove it
shadowed-filter-label = never reached
shadowed-filter-taker-label = filter { $filter } matches them first
