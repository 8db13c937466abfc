//! A form compiled to a flat program for the backtracking matcher.
//!
//! Matching a form by recursion over its nodes nests one call per word, so a long line of a
//! repeating form (`ip route ... gateway tunnel 1` twenty thousand times) overflows the stack.
//! The matcher instead runs this program with an explicit stack of retry points, and
//! remembers every (join point, word) state it has entered: a state that failed once fails
//! again, so repeated and nested `[...]` groups cost at most (join points x words) steps
//! instead of exponentially many. The program keeps the recursive matcher's order of
//! attempts (an optional part is tried before it is skipped, a repetition goes on before it
//! stops, choices and options in their written order), so verdicts and bindings are the same.

use crate::catalogue::Node;

/// One step of a compiled form.
#[derive(Clone, Debug)]
pub(crate) enum Inst {
    /// A keyword word.
    Literal(String),
    /// A parameter word, by index into the entry's parameters.
    Param(usize),
    /// A `key=value` word.
    Option {
        key: String,
        value: Node,
    },
    /// Optional `key=value` options in any order, each at most once (at most 64 of them).
    Options(Vec<(String, Node)>),
    /// Go on at `next`; when that fails, retry at `alt` from the same word.
    Split {
        next: u32,
        alt: u32,
        memo: u32,
    },
    /// The head of a repetition: fails when entered again at the same word, which ends a
    /// repetition whose element matched no word (the recursive matcher's progress check).
    Join {
        memo: u32,
    },
    Jump(u32),
    /// An empty choice: nothing matches.
    Fail,
    /// The end of the form: the line must end here.
    End,
}

/// A compiled form: see the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub(crate) insts: Vec<Inst>,
    /// How many `Split` and `Join` steps the program has (each remembers the words it saw).
    pub(crate) memo_slots: u32,
}

impl Program {
    /// Compiles a sequence of nodes (a form after its leading keywords).
    pub fn compile(nodes: &[Node]) -> Program {
        let mut program = Program::default();
        program.seq(nodes);
        program.insts.push(Inst::End);
        program
    }

    fn here(&self) -> u32 {
        self.insts.len() as u32
    }

    fn memo(&mut self) -> u32 {
        self.memo_slots += 1;
        self.memo_slots - 1
    }

    /// Emits a split whose targets are patched later; returns its index.
    fn split(&mut self) -> usize {
        let memo = self.memo();
        self.insts.push(Inst::Split {
            next: 0,
            alt: 0,
            memo,
        });
        self.insts.len() - 1
    }

    fn patch(&mut self, at: usize, next_to: u32, alt_to: u32) {
        if let Inst::Split { next, alt, .. } = &mut self.insts[at] {
            *next = next_to;
            *alt = alt_to;
        }
    }

    fn seq(&mut self, mut nodes: &[Node]) {
        while let Some((first, rest)) = nodes.split_first() {
            let run = nodes.iter().take_while(|n| is_optional_option(n)).count();
            if run > 1 {
                let options = nodes[..run]
                    .iter()
                    .take(64)
                    .filter_map(|n| match n {
                        Node::Optional(inner) => match inner.as_slice() {
                            [Node::Option { key, value }] => Some((key.clone(), (**value).clone())),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect();
                self.insts.push(Inst::Options(options));
                nodes = &nodes[run..];
                continue;
            }
            self.node(first);
            nodes = rest;
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Literal(l) => self.insts.push(Inst::Literal(l.clone())),
            Node::Param(i) => self.insts.push(Inst::Param(*i)),
            Node::Option { key, value } => self.insts.push(Inst::Option {
                key: key.clone(),
                value: (**value).clone(),
            }),
            Node::Optional(inner) => {
                let split = self.split();
                self.seq(inner);
                let after = self.here();
                self.patch(split, split as u32 + 1, after);
            }
            Node::Repeat(inner) => {
                let head = self.here();
                let memo = self.memo();
                self.insts.push(Inst::Join { memo });
                self.node(inner);
                let split = self.split();
                let after = self.here();
                self.patch(split, head, after);
            }
            Node::Choice(choices) => {
                let Some((last, others)) = choices.split_last() else {
                    self.insts.push(Inst::Fail);
                    return;
                };
                let mut jumps = Vec::new();
                for choice in others {
                    let split = self.split();
                    self.seq(choice);
                    jumps.push(self.insts.len());
                    self.insts.push(Inst::Jump(0));
                    let alt = self.here();
                    self.patch(split, split as u32 + 1, alt);
                }
                self.seq(last);
                let end = self.here();
                for j in jumps {
                    self.insts[j] = Inst::Jump(end);
                }
            }
        }
    }
}

/// `[key=value]`: a member of a run of options that match in any order.
pub(crate) fn is_optional_option(node: &Node) -> bool {
    matches!(node, Node::Optional(inner) if matches!(inner.as_slice(), [Node::Option { .. }]))
}
