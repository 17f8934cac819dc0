use super::*;

#[test]
fn plans_as_a_noun_do_not_look_ahead() {
    assert!(looks_ahead(
        " the union plans to strike again ",
        " plans to "
    ));
    assert!(!looks_ahead(
        " a walkout over plans to automate the port ",
        " plans to "
    ));
}

#[test]
fn reported_futures_need_a_time() {
    assert!(reported_future(
        " she said the delegations would return on monday. "
    ));
    assert!(!reported_future(" he said it would be difficult. "));
}
