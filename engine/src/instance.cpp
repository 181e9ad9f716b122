// Instance exports and snapshots.
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstring>

#include "runtime.h"

namespace wasmacro::engine {

using detail::InstanceState;

Instance::Instance() : state_(std::make_unique<InstanceState>()) {}
Instance::~Instance() = default;

const Module& Instance::module() const { return *state_->module; }

std::optional<Extern> Instance::find_export(std::string_view name) const {
  for (const ExportInfo& entry : state_->ir->exports) {
    if (entry.name != name) continue;
    switch (entry.kind) {
      case ExternKind::Function: return Extern(state_->functions[entry.index]);
      case ExternKind::Table: return Extern(state_->tables[entry.index]);
      case ExternKind::Memory: return Extern(state_->memories[entry.index]);
      case ExternKind::Global: return Extern(state_->globals[entry.index]);
    }
  }
  return std::nullopt;
}

namespace {
template <typename T>
T* export_of(const Instance& instance, std::string_view name) {
  auto found = instance.find_export(name);
  if (!found) return nullptr;
  T* const* object = std::get_if<T*>(&*found);
  return object != nullptr ? *object : nullptr;
}
}  // namespace

Function* Instance::exported_function(std::string_view name) const { return export_of<Function>(*this, name); }
Memory* Instance::exported_memory(std::string_view name) const { return export_of<Memory>(*this, name); }
Global* Instance::exported_global(std::string_view name) const { return export_of<Global>(*this, name); }
Table* Instance::exported_table(std::string_view name) const { return export_of<Table>(*this, name); }

Memory* Instance::memory(uint32_t index) const {
  return index < state_->memories.size() ? state_->memories[index] : nullptr;
}

Function* Instance::function(uint32_t index) const {
  return index < state_->functions.size() ? state_->functions[index] : nullptr;
}

struct Snapshot::Data {
  uint64_t id = 0;  // memories remember the snapshot they last matched; see Memory::baseline_
  std::vector<std::vector<uint8_t>> memory_contents;
  std::vector<uint64_t> global_bits;
  std::vector<std::vector<Ref>> table_elements;
  std::vector<std::vector<Ref>> element_segments;
  std::vector<uint8_t> data_dropped;
};

Snapshot::Snapshot() = default;
Snapshot::~Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;

Snapshot Instance::snapshot() const {
  Snapshot snapshot;
  snapshot.data_ = std::make_unique<Snapshot::Data>();
  auto& data = *snapshot.data_;
  static std::atomic<uint64_t> next_id{1};
  data.id = next_id.fetch_add(1, std::memory_order_relaxed);
  for (Memory* memory : state_->owned_memories) {
    data.memory_contents.emplace_back(memory->base_, memory->base_ + memory->size_);
    memory->clear_dirty();
    memory->baseline_ = data.id;
  }
  for (const Global* global : state_->owned_globals) data.global_bits.push_back(global->bits_);
  for (const Table* table : state_->owned_tables) data.table_elements.push_back(table->elements_);
  data.element_segments = state_->element_segments;
  data.data_dropped = state_->data_dropped;
  return snapshot;
}

void Instance::restore(const Snapshot& snapshot) {
  const auto& data = *snapshot.data_;
  for (size_t i = 0; i < state_->owned_memories.size(); ++i) {
    Memory* memory = state_->owned_memories[i];
    const auto& contents = data.memory_contents[i];
    size_t copied_pages = 0;
    if (memory->baseline_ == data.id && memory->size_ >= contents.size()) {
      // Only pages written since this snapshot was taken or last restored differ from it.
      for (uint32_t page : memory->dirty_pages_) {
        uint64_t offset = static_cast<uint64_t>(page) * Memory::kDirtyPageSize;
        if (offset >= contents.size()) continue;
        uint64_t length = std::min<uint64_t>(Memory::kDirtyPageSize, contents.size() - offset);
        std::memcpy(memory->base_ + offset, contents.data() + offset, length);
        ++copied_pages;
      }
    } else {
      if (memory->size_ < contents.size()) {
        // Only after restoring another snapshot that was taken when the memory was smaller.
        mprotect(memory->base_ + memory->size_, contents.size() - memory->size_, PROT_READ | PROT_WRITE);
      }
      if (!contents.empty()) std::memcpy(memory->base_, contents.data(), contents.size());
      copied_pages = contents.size() / Memory::kDirtyPageSize;
    }
    memory->clear_dirty();
    if (memory->size_ > contents.size()) {
      // Give the pages grown since the snapshot back to the OS and make them inaccessible again.
      uint8_t* excess = memory->base_ + contents.size();
      size_t excess_size = memory->size_ - contents.size();
      madvise(excess, excess_size, MADV_DONTNEED);
      mprotect(excess, excess_size, PROT_NONE);
    }
    memory->size_ = contents.size();
    memory->dirty_map_.resize(contents.size() / Memory::kDirtyPageSize, 0);
    memory->baseline_ = data.id;
    memory->last_restore_pages_ = copied_pages;
  }
  for (size_t i = 0; i < state_->owned_globals.size(); ++i) state_->owned_globals[i]->bits_ = data.global_bits[i];
  for (size_t i = 0; i < state_->owned_tables.size(); ++i) state_->owned_tables[i]->elements_ = data.table_elements[i];
  state_->element_segments = data.element_segments;
  state_->data_dropped = data.data_dropped;
}

}  // namespace wasmacro::engine
