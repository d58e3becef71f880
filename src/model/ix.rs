//! Typed indices: a speaker, an issue, a quote and an article are each
//! named by an index type of their own, so that one can never be used where
//! another is meant, and lists of them are indexed only by their own type.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// An index into one kind of list.
pub trait Ix: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug {
    fn from_index(i: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u32);

        impl $crate::model::ix::Ix for $name {
            fn from_index(i: usize) -> Self {
                $name(u32::try_from(i).expect("fewer than 2^32 items"))
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl $name {
            pub fn new(i: usize) -> Self {
                <Self as $crate::model::ix::Ix>::from_index(i)
            }
            pub fn index(self) -> usize {
                <Self as $crate::model::ix::Ix>::index(self)
            }
        }
    };
}

pub(crate) use index_type;

index_type!(
    /// A speaker of a [`Corpus`](super::Corpus).
    SpeakerIx
);
index_type!(
    /// An issue of a [`Corpus`](super::Corpus).
    IssueIx
);
index_type!(
    /// A quote of a [`Corpus`](super::Corpus), in the order the files list them.
    QuoteIx
);
index_type!(
    /// An article of a [`Corpus`](super::Corpus), in date order.
    ArticleIx
);

/// A list indexed by its own index type.
#[derive(Debug, Clone, PartialEq)]
pub struct IxVec<I, T> {
    items: Vec<T>,
    ix: PhantomData<fn(I) -> I>,
}

impl<I, T> Default for IxVec<I, T> {
    fn default() -> Self {
        IxVec { items: Vec::new(), ix: PhantomData }
    }
}

impl<I: Ix, T> IxVec<I, T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, item: T) -> I {
        self.items.push(item);
        I::from_index(self.items.len() - 1)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every index, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::from_index)
    }

    /// `(index, item)` pairs, in order.
    pub fn enumerate(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.items.iter().enumerate().map(|(i, t)| (I::from_index(i), t))
    }

    pub fn get(&self, i: I) -> Option<&T> {
        self.items.get(i.index())
    }

    /// The index of the first item that `pred` accepts.
    pub fn position(&self, pred: impl Fn(&T) -> bool) -> Option<I> {
        self.items.iter().position(pred).map(I::from_index)
    }
}

impl<I: Ix, T> From<Vec<T>> for IxVec<I, T> {
    fn from(items: Vec<T>) -> Self {
        IxVec { items, ix: PhantomData }
    }
}

impl<I: Ix, T> FromIterator<T> for IxVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<I: Ix, T> Index<I> for IxVec<I, T> {
    type Output = T;
    fn index(&self, i: I) -> &T {
        &self.items[i.index()]
    }
}

impl<I: Ix, T> IndexMut<I> for IxVec<I, T> {
    fn index_mut(&mut self, i: I) -> &mut T {
        &mut self.items[i.index()]
    }
}

impl<'a, I: Ix, T> IntoIterator for &'a IxVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<I: Ix, T> IntoIterator for IxVec<I, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// A flag or a count for every item of a list, indexed by the list's type.
pub fn per<I: Ix, T: Clone>(len: usize, value: T) -> IxVec<I, T> {
    vec![value; len].into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lists() {
        let mut v: IxVec<SpeakerIx, &str> = IxVec::new();
        let a = v.push("a");
        let b = v.push("b");
        assert_eq!((a.index(), b.index()), (0, 1));
        assert_eq!(v[b], "b");
        assert_eq!(v.ids().collect::<Vec<_>>(), vec![a, b]);
        assert_eq!(v.position(|s| *s == "b"), Some(b));
        let counts: IxVec<SpeakerIx, usize> = per(2, 0);
        assert_eq!(counts.len(), 2);
    }
}
