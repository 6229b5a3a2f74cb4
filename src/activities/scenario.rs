//! scenario: a situation, its choices (buttons), the feedback of each choice
//! taken, and an end with the author's score. Reaching an end is the answer.

use communs_core::lesson::ScenarioNode;
use communs_core::response::Response;
use leptos::prelude::*;

use super::Ctx;
use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;

/// The steps taken: (situation, choice index), and where the path leads.
fn walk(nodes: &[ScenarioNode], path: &[u8]) -> (Vec<(usize, usize)>, usize) {
    let mut at = 0usize;
    let mut steps = Vec::with_capacity(path.len());
    for &c in path {
        let Some(choice) = nodes.get(at).and_then(|n| n.choices.get(usize::from(c))) else { break };
        steps.push((at, usize::from(c)));
        at = choice.target;
    }
    (steps, at)
}

/// The path (choice indices) to the best end, and that end's score.
pub(crate) fn best_path(nodes: &[ScenarioNode]) -> Option<(Vec<u8>, u8)> {
    fn go(nodes: &[ScenarioNode], at: usize, depth: usize) -> Option<(Vec<u8>, u8)> {
        let node = nodes.get(at)?;
        if let Some(score) = node.end {
            return Some((Vec::new(), score));
        }
        if depth > nodes.len() {
            return None; // a loop: the compiler refuses them, stay total anyway
        }
        let mut best: Option<(Vec<u8>, u8)> = None;
        for (i, c) in node.choices.iter().enumerate() {
            if let Some((rest, score)) = go(nodes, c.target, depth + 1) {
                if best.as_ref().is_none_or(|(_, b)| score > *b) {
                    let mut p = vec![i as u8];
                    p.extend(rest);
                    best = Some((p, score));
                }
            }
        }
        best
    }
    go(nodes, 0, 0)
}

/// « Le meilleur chemin » : the choices of the best path, in order.
pub(crate) fn best_path_view(nodes: &[ScenarioNode]) -> AnyView {
    let Some((path, _)) = best_path(nodes) else { return ().into_any() };
    let (steps, _) = walk(nodes, &path);
    view! {
        <ol>
            {steps.into_iter().map(|(n, c)| view! { <li inner_html=safe_html(&nodes[n].choices[c].html)></li> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
pub(crate) fn Scenario(ctx: Ctx, nodes: Vec<ScenarioNode>) -> impl IntoView {
    let nodes = StoredValue::new(nodes);
    let path = RwSignal::new(Vec::<u8>::new());
    ctx.set_collector(move || Err(ActivityMsg::ChooseFirst));
    // « Recommencer » goes back to the start.
    Effect::new(move |prev: Option<u32>| {
        let e = ctx.epoch.get();
        if prev.is_some_and(|p| p != e) {
            path.set(Vec::new());
        }
        e
    });
    let state = Memo::new(move |_| path.with(|p| nodes.with_value(|n| walk(n, p))));
    let choose = move |c: usize| {
        if ctx.answered() {
            return;
        }
        path.update(|p| p.push(c as u8));
        let (_, at) = state.get_untracked();
        let end = nodes.with_value(|n| n.get(at).is_some_and(|n| n.end.is_some() || n.choices.is_empty()));
        if end {
            ctx.submit(Response::Path(path.get_untracked()), false);
        }
        ctx.focus_later("[data-testid=scenario-situation]".to_string());
    };
    let choices_label = ctx.id("que-fais-tu");
    view! {
        <div class="scenario" data-testid="scenario">
            {move || {
                let (steps, _) = state.get();
                (!steps.is_empty()).then(|| view! {
                    <p class="activite-sous-titre">{t(ActivityMsg::ScenarioPathTitle)}</p>
                    <ol class="scenario-parcours">
                        {steps.into_iter().enumerate().map(|(k, (n, c))| {
                            let (situation, choice, feedback) = nodes.with_value(|nodes| {
                                let ch = &nodes[n].choices[c];
                                (nodes[n].html.clone(), ch.html.clone(), ch.feedback.clone())
                            });
                            view! {
                                <li class="scenario-etape" data-testid="scenario-etape">
                                    <span class="sr-only">{am::step(k)}" "</span>
                                    <div class="scenario-etape-situation" inner_html=safe_html(&situation)></div>
                                    <p class="scenario-choix-pris">
                                        <strong>{t(ActivityMsg::ScenarioYourChoice)}</strong>" "
                                        <span inner_html=safe_html(&choice)></span>
                                    </p>
                                    {feedback.map(|f| view! { <p class="retour" data-testid="retour" inner_html=safe_html(&f)></p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })
            }}
            {move || {
                let (_, at) = state.get();
                let node = nodes.with_value(|n| n.get(at).cloned());
                let Some(node) = node else { return ().into_any() };
                let is_end = node.end.is_some() || node.choices.is_empty();
                let choices_label = choices_label.clone();
                let labelled_by = choices_label.clone();
                let n = node.choices.len();
                let order = ctx.order(n, at + 1);
                view! {
                    <div class="scenario-situation" class:scenario-fin=is_end data-testid="scenario-situation"
                        data-noeud=node.id.clone() data-fin=node.end tabindex="-1" inner_html=safe_html(&node.html)></div>
                    {(!is_end).then(|| view! {
                        <div class="scenario-choix-groupe" role="group" aria-labelledby=labelled_by>
                            <p class="activite-sous-titre" id=choices_label>{t(ActivityMsg::ScenarioChoicesLabel)}</p>
                            <ul class="scenario-choix-liste">
                                {order.into_iter().map(|c| view! {
                                    <li>
                                        <button type="button" class="bouton bouton-secondaire scenario-choix"
                                            data-testid="scenario-choix" data-index=c
                                            on:click=move |_| choose(c)
                                            inner_html=safe_html(&node.choices[c].html)></button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                }
                .into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use communs_core::lesson::{SafeHtml, ScenarioChoice};

    fn node(id: &str, choices: &[usize], end: Option<u8>) -> ScenarioNode {
        ScenarioNode {
            id: id.into(),
            html: SafeHtml::escape(id),
            choices: choices.iter().map(|&t| ScenarioChoice { html: SafeHtml::escape(&format!("→{t}")), target: t, feedback: None }).collect(),
            end,
        }
    }

    #[test]
    fn best_path_reaches_the_best_end() {
        let nodes = vec![node("debut", &[3, 1], None), node("licence", &[4, 2], None), node("oubli", &[], Some(50)), node("sans", &[], Some(0)), node("bravo", &[], Some(100))];
        assert_eq!(best_path(&nodes), Some((vec![1, 0], 100)));
        assert_eq!(walk(&nodes, &[1, 1]), (vec![(0, 1), (1, 1)], 2));
        assert_eq!(walk(&nodes, &[7]), (vec![], 0));
    }
}
