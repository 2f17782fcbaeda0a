//! Look-ups over a validated dataset: what the views ask for by id.
//!
//! The dataset keeps flat lists that refer to each other by id; the catalog builds the
//! indexes once at load so that every view's question (this section's resources, this
//! resource's figures, resources sharing its tags) is a map look-up, not a scan.

use std::collections::HashMap;

use super::model::{Cluster, Dataset, Figure, Measure, Resource, Section, Tag, TagKind};

/// A validated dataset with indexes by id.
#[derive(Debug, Clone)]
pub struct Catalog {
    data: Dataset,
    sections: HashMap<String, usize>,
    tags: HashMap<String, usize>,
    resources: HashMap<String, usize>,
    measures: HashMap<String, usize>,
    figures: HashMap<String, usize>,
    figures_by_resource: HashMap<String, Vec<usize>>,
    resources_by_tag: HashMap<String, Vec<usize>>,
}

fn index_by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, item)| (id(item).to_owned(), i)).collect()
}

impl Catalog {
    /// Builds the indexes. The dataset should have passed [`crate::core::validate::validate`];
    /// dangling references are then simply not found.
    pub fn new(data: Dataset) -> Catalog {
        let mut figures_by_resource: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in data.figures.iter().enumerate() {
            figures_by_resource.entry(f.resource.clone()).or_default().push(i);
        }
        let mut resources_by_tag: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in data.resources.iter().enumerate() {
            for t in &r.tags {
                resources_by_tag.entry(t.clone()).or_default().push(i);
            }
        }
        Catalog {
            sections: index_by_id(&data.sections, |s| &s.id),
            tags: index_by_id(&data.tags, |t| &t.id),
            resources: index_by_id(&data.resources, |r| &r.id),
            measures: index_by_id(&data.measures, |m| &m.id),
            figures: index_by_id(&data.figures, |f| &f.id),
            figures_by_resource,
            resources_by_tag,
            data,
        }
    }

    /// The dataset itself.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.get(id).map(|&i| &self.data.sections[i])
    }

    /// A tag by id.
    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags.get(id).map(|&i| &self.data.tags[i])
    }

    /// A resource by id.
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.get(id).map(|&i| &self.data.resources[i])
    }

    /// A measure by id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.get(id).map(|&i| &self.data.measures[i])
    }

    /// A figure by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.get(id).map(|&i| &self.data.figures[i])
    }

    /// The resources listed in a section, in dataset order.
    pub fn resources_in_section(&self, section: &str) -> Vec<&Resource> {
        self.data.resources.iter().filter(|r| r.section == section).collect()
    }

    /// The resources carrying a tag, in dataset order.
    pub fn resources_with_tag(&self, tag: &str) -> Vec<&Resource> {
        self.resources_by_tag
            .get(tag)
            .map(|ix| ix.iter().map(|&i| &self.data.resources[i]).collect())
            .unwrap_or_default()
    }

    /// The tags of one kind that at least one resource carries, most used first.
    pub fn tags_of_kind(&self, kind: TagKind) -> Vec<(&Tag, usize)> {
        let mut tags: Vec<(&Tag, usize)> = self
            .data
            .tags
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| (t, self.resources_by_tag.get(&t.id).map_or(0, Vec::len)))
            .filter(|(_, n)| *n > 0)
            .collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.label.cmp(&b.0.label)));
        tags
    }

    /// The tags of a resource, resolved, in the resource's order.
    pub fn tags_of<'a>(&'a self, resource: &'a Resource) -> impl Iterator<Item = &'a Tag> + 'a {
        resource.tags.iter().filter_map(|t| self.tag(t))
    }

    /// The figures quoted from a resource, in dataset order.
    pub fn figures_of(&self, resource: &str) -> Vec<&Figure> {
        self.figures_by_resource
            .get(resource)
            .map(|ix| ix.iter().map(|&i| &self.data.figures[i]).collect())
            .unwrap_or_default()
    }

    /// The figures chosen for the home view.
    pub fn headlines(&self) -> Vec<&Figure> {
        self.data.headlines.iter().filter_map(|id| self.figure(id)).collect()
    }

    /// A cluster by id.
    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        self.data.clusters.iter().find(|c| c.id == id)
    }

    /// The cluster a resource describes, if it is a cluster report.
    pub fn cluster_of(&self, resource: &str) -> Option<&Cluster> {
        self.data.clusters.iter().find(|c| c.resource == resource)
    }

    /// Other resources that share tags with `resource`, most shared tags first, then by
    /// title; at most `limit`.
    pub fn related(&self, resource: &str, limit: usize) -> Vec<&Resource> {
        let Some(me) = self.resource(resource) else { return Vec::new() };
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for t in &me.tags {
            for &i in self.resources_by_tag.get(t).into_iter().flatten() {
                if self.data.resources[i].id != me.id {
                    *shared.entry(i).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.data.resources[a.0].title.cmp(&self.data.resources[b.0].title))
        });
        ranked.into_iter().take(limit).map(|(i, _)| &self.data.resources[i]).collect()
    }
}
