extension Catalogue {
  /// This language with every entry rewritten by `m`: a test's marked copy of English (every
  /// word replaced) shows on screen each word that does not come from the catalogue. Every
  /// group is listed here or in its own file, so a new entry is mapped or does not compile.
  public func mapped(_ m: TextMapping) -> Catalogue {
    Catalogue(
      language: language,
      screenTitles: m(screenTitles),
      keys: keys.mapped(m),
      messages: messages.mapped(m),
      actions: actions.mapped(m),
      history: history.mapped(m),
      checkIn: checkIn.mapped(m),
      fields: fields.mapped(m),
      analysis: analysis.mapped(m),
      dashboard: dashboard.mapped(m),
      gaps: gaps.mapped(m),
      drill: drill.mapped(m),
      frame: frame.mapped(m),
      segments: segments.mapped(m),
      impact: impact.mapped(m),
      review: review.mapped(m))
  }
}

extension Catalogue.Keys {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      everywhere: m(everywhere),
      help: m(help),
      helpShort: m(helpShort),
      quit: m(quit),
      quitShort: m(quitShort),
      segment: m(segment),
      segmentShort: m(segmentShort),
      clearSegment: m(clearSegment),
      clearSegmentShort: m(clearSegmentShort),
      back: m(back),
      backShort: m(backShort),
      screen: m(screen),
      move: m(move),
      moveShort: m(moveShort),
      page: m(page),
      firstLast: m(firstLast),
      openChild: m(openChild),
      closeParent: m(closeParent),
      openClose: m(openClose),
      openCloseShort: m(openCloseShort),
      switchPane: m(switchPane),
      mirrorShort: m(mirrorShort),
      treeShort: m(treeShort),
      escTree: m(escTree),
      filterTree: m(filterTree),
      filterShort: m(filterShort),
      editFilterShort: m(editFilterShort),
      clearFilterShort: m(clearFilterShort),
      progress10: m(progress10),
      progress1: m(progress1),
      nextStatus: m(nextStatus),
      undo: m(undo),
      progress10Short: m(progress10Short),
      progress1Short: m(progress1Short),
      statusShort: m(statusShort),
      undoShort: m(undoShort),
      checkIn: m(checkIn),
      checkInShort: m(checkInShort),
      mirrorMove: m(mirrorMove),
      themeShort: m(themeShort),
      drillShort: m(drillShort),
      drill: m(drill),
      groupMove: m(groupMove),
      groupFind: m(groupFind),
      groupChange: m(groupChange),
      gapsMove: m(gapsMove),
      rankBy: m(rankBy),
      rankByShort: m(rankByShort),
      openTheme: m(openTheme),
      openShort: m(openShort),
      grid: m(grid),
      gridShort: m(gridShort),
      rankingShort: m(rankingShort),
      audience: m(audience),
      audienceShort: m(audienceShort),
      scrollLine: m(scrollLine),
      scrollPage: m(scrollPage),
      scrollShort: m(scrollShort),
      section: m(section),
      sectionShort: m(sectionShort),
      attribute: m(attribute),
      attributeShort: m(attributeShort),
      commentsAudience: m(commentsAudience),
      commentsWave: m(commentsWave),
      commentsShort: m(commentsShort),
      jump: m(jump),
      jumpShort: m(jumpShort),
      sort: m(sort),
      sortShort: m(sortShort),
      filterOwner: m(filterOwner),
      filterStatus: m(filterStatus),
      filterTheme: m(filterTheme),
      filterOverdue: m(filterOverdue),
      filterShortOwner: m(filterShortOwner),
      clearFilters: m(clearFilters),
      clearFiltersShort: m(clearFiltersShort),
      cycle: m(cycle),
      cycleShort: m(cycleShort),
      impactPrevious: m(impactPrevious),
      impactPreviousShort: m(impactPreviousShort),
      impactCurrentShort: m(impactCurrentShort),
      impactDetail: m(impactDetail),
      impactDetailShort: m(impactDetailShort),
      impactQuadrant: m(impactQuadrant),
      impactQuadrantShort: m(impactQuadrantShort),
      historyUser: m(historyUser),
      historyItem: m(historyItem),
      historyField: m(historyField),
      historySpan: m(historySpan),
      revert: m(revert),
      revertShort: m(revertShort),
      close: m(close),
      closeShort: m(closeShort),
      choose: m(choose),
      apply: m(apply),
      clearAll: m(clearAll),
      keepFilterShort: m(keepFilterShort),
      clearShort: m(clearShort),
      deleteShort: m(deleteShort),
      nextField: m(nextField),
      nextFieldShort: m(nextFieldShort),
      saveShort: m(saveShort),
      cancelShort: m(cancelShort),
      newLine: m(newLine),
      mine: m(mine),
      theirs: m(theirs),
      editAgain: m(editAgain),
      confirm: m(confirm),
      cancel: m(cancel))
  }
}

extension Catalogue.Messages {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      tooSmall: m(tooSmall),
      selectAction: m(selectAction),
      selectItem: m(selectItem),
      alreadyAt: m(alreadyAt),
      nothingToUndo: m(nothingToUndo),
      cannotUndo: m(cannotUndo),
      undone: m(undone),
      keptTheirs: m(keptTheirs),
      couldNotRead: m(couldNotRead),
      noTheme: m(noTheme),
      saving: m(saving),
      updatedByOther: m(updatedByOther),
      youElsewhere: m(youElsewhere),
      anotherSession: m(anotherSession),
      more: m(more),
      checkInNote: m(checkInNote),
      checkInDone: m(checkInDone),
      showingCycle: m(showingCycle),
      none: m(none),
      done: m(done),
      notDone: m(notDone),
      readOnlyBanner: m(readOnlyBanner),
      readOnlyFooter: m(readOnlyFooter),
      reverted: m(reverted),
      filterPrompt: m(filterPrompt),
      escClears: m(escClears),
      alreadySo: m(alreadySo),
      alreadyIs: m(alreadyIs),
      atPercent: m(atPercent),
      conflictKept: m(conflictKept),
      couldNotFilter: m(couldNotFilter),
      couldNotReadSurvey: m(couldNotReadSurvey),
      segmentPrompt: m(segmentPrompt),
      segmentHint: m(segmentHint))
  }
}

extension Catalogue.ActionsText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      columns: m(columns),
      empty: m(empty),
      noMatch: m(noMatch),
      overdue: m(overdue),
      sortBy: m(sortBy),
      sortNames: m(sortNames),
      filterLabel: m(filterLabel),
      owner: m(owner),
      status: m(status),
      theme: m(theme),
      anyone: m(anyone),
      unowned: m(unowned),
      count: m(count),
      lastCheckIn: m(lastCheckIn),
      never: m(never))
  }
}

extension Catalogue.HistoryText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      columns: m(columns),
      empty: m(empty),
      loading: m(loading),
      reverted: m(reverted),
      revertOf: m(revertOf),
      spans: m(spans),
      filterLabel: m(filterLabel),
      user: m(user),
      item: m(item),
      field: m(field),
      span: m(span),
      all: m(all),
      confirmTitle: m(confirmTitle),
      confirmBody: m(confirmBody),
      cannotRevert: m(cannotRevert),
      count: m(count))
  }
}

extension Catalogue.CheckInText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      title: m(title),
      progress: m(progress),
      confidence: m(confidence),
      status: m(status),
      note: m(note),
      value: m(value),
      done: m(done),
      hint: m(hint),
      notWhole: m(notWhole),
      notNumber: m(notNumber),
      yesNo: m(yesNo),
      nothingChanged: m(nothingChanged),
      conflictTitle: m(conflictTitle),
      conflictBody: m(conflictBody),
      youSaw: m(youSaw),
      theirs: m(theirs),
      yours: m(yours),
      conflictHint: m(conflictHint),
      perception: m(perception),
      communicatedOn: m(communicatedOn), channel: m(channel), notDate: m(notDate),
      channelNeeded: m(channelNeeded), dateNeeded: m(dateNeeded), channelUnsafe: m(channelUnsafe),
      channelTooLong: m(channelTooLong), communication: m(communication))
  }
}

extension Catalogue.FieldText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      statuses: m(statuses),
      paces: m(paces),
      fields: m(fields),
      entities: m(entities),
      kinds: m(kinds))
  }
}
