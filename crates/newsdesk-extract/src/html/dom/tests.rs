use super::*;

/// The tree as nested text: `tag(child child)`, text in quotes.
fn outline(html: &str) -> String {
    let dom = Dom::parse(html);
    let mut out = String::new();
    // Iterative: (node, closing?) pairs on a stack.
    let mut stack: Vec<(NodeId, bool)> = dom.children(0).map(|c| (c, false)).collect();
    stack.reverse();
    while let Some((id, closing)) = stack.pop() {
        if closing {
            out.push(')');
            continue;
        }
        if !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
        }
        match &dom.node(id).data {
            NodeData::Text(text) => out.push_str(&format!("{text:?}")),
            NodeData::Element {
                tag, other_name, ..
            } => {
                let name = other_name
                    .as_deref()
                    .map_or_else(|| format!("{tag:?}").to_lowercase(), str::to_string);
                out.push_str(&name);
                out.push('(');
                stack.push((id, true));
                let children: Vec<NodeId> = dom.children(id).collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            NodeData::Document => {}
        }
    }
    out
}

#[test]
fn end_tags_left_out_are_implied() {
    assert_eq!(outline("<p>a<p>b"), r#"p("a") p("b")"#);
    assert_eq!(
        outline("<ul><li>a<li>b</ul>after"),
        r#"ul(li("a") li("b")) "after""#
    );
    assert_eq!(
        outline("<table><tr><td>a<td>b<tr><td>c</table>"),
        r#"table(tr(td("a") td("b")) tr(td("c")))"#
    );
    assert_eq!(
        outline("<dl><dt>a<dd>b<dt>c</dl>"),
        r#"dl(dt("a") dd("b") dt("c"))"#
    );
    assert_eq!(outline("<p>a<div>b</div>"), r#"p("a") div("b")"#);
    assert_eq!(outline("<h2>a<h3>b"), r#"h2("a") h3("b")"#);
    assert_eq!(
        outline("<select><option>a<option>b</select>"),
        r#"select(option("a") option("b"))"#
    );
    // A list inside a list item keeps its own items.
    assert_eq!(
        outline("<ul><li>a<ul><li>b</ul><li>c</ul>"),
        r#"ul(li("a" ul(li("b"))) li("c"))"#
    );
}

#[test]
fn void_elements_have_no_content() {
    assert_eq!(
        outline("<div>a<br>b<img src=x>c<hr></div>"),
        r#"div("a" br() "b" img() "c" hr())"#
    );
    assert_eq!(outline("<p>a</br>b"), r#"p("a" br() "b")"#);
    // Outside svg and math a "/>" closes nothing.
    assert_eq!(outline("<div/>a"), r#"div("a")"#);
    assert_eq!(
        outline("<svg><path d=\"x\"/><path/></svg>b"),
        r#"svg(path() path()) "b""#
    );
}

#[test]
fn raw_text_elements_hold_markup_as_text() {
    assert_eq!(
        outline("<script>if (a<b) { x = '</div>'; }</script><p>c"),
        r#"script("if (a<b) { x = '</div>'; }") p("c")"#,
        "only its own end tag ends a script"
    );
    assert_eq!(
        outline("<script>let s = '<p>x</p>';</SCRIPT ><p>c"),
        r#"script("let s = '<p>x</p>';") p("c")"#
    );
    assert_eq!(
        outline("<title>A &amp; <b>B</b></title><style>p>a{}</style>"),
        r#"title("A & <b>B</b>") style("p>a{}")"#
    );
    assert_eq!(
        outline("<textarea><p>not &lt;markup</textarea>"),
        r#"textarea("<p>not <markup")"#
    );
    assert_eq!(
        outline("<script>never closed <p>"),
        r#"script("never closed <p>")"#
    );
}

#[test]
fn character_references_are_decoded_in_text_and_attributes() {
    let dom = Dom::parse(
        r#"<p title="Tom &amp; Jerry &quot;x&quot;" data-u="?a=1&copy=2">caf&eacute; &amp; &#8212; &#x2019; &copy 5&lt;6 &nosuch;</p>"#,
    );
    let p = dom.elements(Tag::P).next().unwrap();
    assert_eq!(dom.attr(p, "title"), Some("Tom & Jerry \"x\""));
    assert_eq!(
        dom.attr(p, "data-u"),
        Some("?a=1&copy=2"),
        "in attributes a reference without ';' before '=' stays"
    );
    assert_eq!(
        dom.texts(p).collect::<String>(),
        "café & \u{2014} \u{2019} © 5<6 &nosuch;"
    );
}

#[test]
fn attributes_are_read_like_a_browser() {
    let dom = Dom::parse(r#"<DIV Class="a b" id=main data-x='q"q' hidden  class="second">x</div>"#);
    let div = dom.elements(Tag::Div).next().unwrap();
    assert_eq!(dom.attr(div, "class"), Some("a b"), "the first wins");
    assert_eq!(dom.attr(div, "id"), Some("main"));
    assert_eq!(dom.attr(div, "data-x"), Some("q\"q"));
    assert_eq!(dom.attr(div, "hidden"), Some(""));
    let dom = Dom::parse(r#"<a href="x>y" title=z>link</a>"#);
    let a = dom.elements(Tag::A).next().unwrap();
    assert_eq!(dom.attr(a, "href"), Some("x>y"), "'>' inside quotes");
    assert_eq!(dom.texts(a).collect::<String>(), "link");
}

#[test]
fn malformed_and_truncated_markup() {
    assert_eq!(
        outline("</div></p><p>x</span>y"),
        r#"p("x" "y")"#.replace("\" \"", "")
    );
    assert_eq!(
        outline("<p>text<div class=\"a"),
        r#"p("text")"#,
        "a tag cut by the end of input is dropped"
    );
    assert_eq!(outline("a < b <3 c"), r#""a < b <3 c""#);
    assert_eq!(outline("<!-- c --><p>a<!-->b<!--- x -->"), r#"p("ab")"#);
    assert_eq!(outline("<!DOCTYPE html><?xml x?><p>a</>b"), r#"p("ab")"#);
    assert_eq!(outline("<p>a<!-- never closed"), r#"p("a")"#);
    assert_eq!(outline("<p>a</"), r#"p("a</")"#);
    // A stray end tag does not close an element across a special one.
    assert_eq!(outline("<b><div>x</b>y</div>"), r#"b(div("xy"))"#);
    // A second <body> adds nothing; what follows </body> stays in it.
    assert_eq!(
        outline("<html><body class=a><p>x</p></body><body><p>y</p></html>z"),
        r#"html(body(p("x") p("y") "z"))"#
    );
}

#[test]
fn deep_nesting_is_bounded_and_walked_without_recursion() {
    let depth = 200_000;
    let html = "<span>".repeat(depth) + "deep" + &"</span>".repeat(depth);
    let dom = Dom::parse(&html);
    assert_eq!(dom.len(), 1 + MAX_OPEN_ELEMENTS + 1);
    assert!(dom.over_limits());
    assert_eq!(dom.texts(0).collect::<String>(), "deep");
    let text = (0..dom.len()).find(|&n| dom.text(n).is_some()).unwrap();
    assert_eq!(dom.ancestors(text).count(), MAX_OPEN_ELEMENTS + 1);
    assert_eq!(dom.descendants(0), 1..dom.len());
}

#[test]
fn attributes_past_the_limit_are_dropped() {
    let attributes: String = (0..10_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let html = format!("<p{attributes}>Text</p>");
    let dom = Dom::parse(&html);
    let p = dom.elements(Tag::P).next().unwrap();
    assert_eq!(dom.attributes(p).len(), MAX_ATTRIBUTES);
    assert!(dom.over_limits());
    let ordinary = "<p>a<p>b<ul><li>c<li>d</ul>".repeat(2_000);
    assert!(!Dom::parse(&ordinary).over_limits());
    assert_eq!(dom.texts(p).collect::<String>(), "Text");
}
