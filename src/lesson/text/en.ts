/** The lesson in English: our own summary of the chapter, step by step, and the lesson panel's labels. */
import type { LessonText } from './types';

export const en: LessonText = {
  sections: {
    vanishing: 'The vanishing gradient problem',
    causes: "What's causing the vanishing gradient problem? Unstable gradients in deep neural nets",
    complex: 'Unstable gradients in more complex networks',
    obstacles: 'Other obstacles to deep learning',
  },
  steps: {
    'bars-at-init': {
      title: 'Two hidden layers, before any training',
      cite: 'Fig. 4',
      explain:
        'Each bar is ∂C/∂b for one hidden neuron: how much the cost would change if that neuron’s bias moved. A long bar means the neuron is ready to learn fast. The lab has just built the [784, 30, 30, 10] network with fresh random weights and measured the bars on 1000 training images.',
      look: 'Compare the bars of hidden layer 1 with those of hidden layer 2. The headline above them puts the gap in one number.',
      question: 'Which hidden layer has the longer bars, and roughly how many times longer are they? Hover a bar for its exact value.',
    },
    'learning-speed': {
      title: 'Learning speed while the network trains',
      cite: 'Figs. 5-7',
      explain:
        'One number per layer sums up its bars: ‖δˡ‖, the length of the vector of all its ∂C/∂b. The lab now holds four hidden layers of 30, as in fig. 7, ready to train by plain gradient descent on 1000 images. The chart draws ‖δˡ‖ of every hidden layer against the epoch, on a log scale.',
      look: 'Press Start and watch the four curves. Each layer sits well below the one after it, and the order never changes.',
      question: 'After about 50 epochs, how many times slower does layer 1 learn than layer 4? Does the gap close as training goes on?',
    },
    'one-neuron-chain': {
      title: 'Why: a chain of one neuron per layer',
      cite: 'Eq. 122, σ′ ≤ 1/4',
      explain:
        'Strip the network down to one neuron per layer. Then ∂C/∂b₁ is a plain product: σ′(z₁) times one factor wⱼσ′(zⱼ) for every later neuron, times ∂C/∂a₄. The sigmoid’s slope σ′ is never more than 1/4, at z = 0, and standard weights are mostly smaller than 1 in size, so each factor is usually below 1/4.',
      look: 'The row of factors under the chain, and the bars ∂C/∂bⱼ on a log scale: each step back towards neuron 1 multiplies by another factor.',
      question:
        'Press “Standard init” a few times with different seeds. How often are all three factors wⱼσ′(zⱼ) smaller than 1/4, and what does that do to ∂C/∂b₁?',
    },
    'chain-explodes': {
      title: 'The exploding gradient problem: the recipe',
      cite: 'Eq. 122',
      explain:
        'Nothing forces the factors to be small. Make every weight large, w = 100, and pick each bias so that z = 0, where σ′ takes its top value 1/4. Then every factor wσ′(z) is 100 × 1/4 = 25, and the gradient grows by 25 at each step towards the input instead of shrinking.',
      look: 'The factors all turn 25, and the bars now grow from neuron 4 back to neuron 1.',
      question: 'Press “Exploding recipe”. What is ∂C/∂b₁ ÷ ∂C/∂b₄ now, and why is it 25 to the power of three?',
    },
    'network-explodes': {
      title: 'The same recipe in the real network',
      cite: 'Eq. 122',
      explain:
        'The lab applies the same idea to the four-hidden-layer MNIST network: large weights into every later hidden layer and biases that keep its z near 0. Now it is the early layers that get the big gradients.',
      look: 'The headline now says that layer 1 learns faster than layer 4. The switch that applied the recipe is outlined.',
      question:
        'Flip “Exploding gradients” off and on again. Which layer has the longest bars each time, and how far apart are the two ends?',
    },
    'exploding-trains': {
      title: 'What happens when the exploding network trains',
      cite: 'Eq. 122',
      explain:
        'Huge gradients make a huge first step. Weights jump so far that many neurons end up with |z| large, where σ′ is almost 0: the neurons saturate, and a saturated neuron passes almost no gradient back. The gradient does not stay large for long; it collapses instead.',
      look: 'After Start, the notice under the headline and the saturation panel (where this page has one) show the share of saturated neurons per layer.',
      question:
        'Press Start and let a few epochs pass. Which layers saturate, and what happens to the bars and the curves of the early layers?',
    },
    unstable: {
      title: 'The unstable gradient problem',
      cite: 'Eq. 122',
      explain:
        'Vanishing and exploding are two faces of one fact: an early layer’s gradient is a product of many factors from all the layers after it. Unless those factors happen to balance near 1, the product shrinks or grows exponentially with depth. With plain gradient-based training, layers learn at very different speeds.',
      look: 'The chain’s sliders for wⱼ and bⱼ, and the ratio ∂C/∂b₁ ÷ ∂C/∂b₄ under the bars.',
      question:
        'Drag the sliders until ∂C/∂b₁ and ∂C/∂b₄ are within a factor of 2 of each other. How many of the sliders did you have to tune, and how easily does a small nudge spoil it?',
    },
    prevalence: {
      title: 'Why vanishing is the common case',
      cite: 'Eq. 123',
      explain:
        'To escape vanishing, a factor needs |wσ′(wa + b)| ≥ 1. But a large w also pushes z = wa + b away from 0, where σ′ is small. Even with the best bias, the inputs a that keep the factor at least 1 fill an interval no wider than eq. 123 allows: at most about 0.45, near |w| ≈ 6.9.',
      look: 'The shaded interval of a where the factor is at least 1, its width printed below, and the curve of that width against |w|.',
      question:
        'Move |w| and b. What is the widest interval you can get, and at which |w|? Why is that a narrow target for every neuron at once?',
    },
    'identity-neuron': {
      title: 'Exercise: a neuron that passes its input on',
      cite: 'Exercise',
      explain:
        'Can a sigmoid neuron copy its input x in [0, 1]? With a small input weight w₁, σ is almost a straight line around x = 1/2; a large output weight w₂ = 4/w₁ scales it back up, and the next neuron’s bias c removes the offset. The error shrinks like w₁²: the smaller w₁, the better the copy.',
      look: 'The neuron’s output against the line y = x, and the largest error over [0, 1].',
      question:
        'Press “Solve” (w₁ = 0.1) and read the largest error. Then drag w₁ up to 1 and set b, w₂ and c by the hint’s formulas. How many times larger is the error now?',
    },
    'complex-networks': {
      title: 'Many neurons per layer',
      cite: 'Eq. 124',
      explain:
        'With whole layers the chain becomes a product of matrices: δˡ = Σ′(zˡ)(wˡ⁺¹)ᵀ Σ′(zˡ⁺¹) … ∇ₐC, where Σ′(z) holds the σ′ values on its diagonal. The size of each factor Σ′(zˡ)(wˡ⁺¹)ᵀ, measured by its spectral norm, says how much the gradient can grow or shrink through that layer.',
      look: 'The table of eq. 124: per hidden layer, the spectral norm of its factor and the mean σ′ over the probe images.',
      question: 'Are the factor norms above or below 1 at initialisation? Press Start: do they move closer to 1 as the network trains?',
    },
    'other-obstacles': {
      title: 'Other obstacles: saturation, initialisation, momentum',
      cite: 'Glorot & Bengio 2010; Sutskever et al. 2013',
      explain:
        'Unstable gradients are not the only trouble. Glorot and Bengio found that with sigmoid neurons and the usual random weights the last hidden layer saturates early in training and only slowly recovers. Sutskever and colleagues showed that how the weights start and how momentum is scheduled decide whether a deep network trains at all. The lab now runs SGD on MNIST with four hidden layers.',
      look: 'Press Start and watch the saturation of each layer (in the saturation panel, where this page has one) and the validation accuracy. The initialiser is outlined.',
      question:
        'Train for a few epochs, then switch the initialiser to Xavier and train again. Which layers saturate less, and does accuracy rise sooner?',
    },
    'what-helps': {
      title: 'What helps',
      cite: 'Other obstacles to deep learning',
      explain:
        'The chapter ends by saying that the activation, the initial weights and the details of gradient descent all matter. The lab now uses ReLU neurons, whose slope is 1 wherever they are active, with He initialisation, on the same four hidden layers. Pin runs to compare remedies, and look across many seeds (in the “Over 20 seeds” view, where this page has one) before trusting a single run.',
      look: 'The headline and the learning-speed curves with ReLU and He, next to a pinned sigmoid run.',
      question:
        'Press Start, pin the run, then switch back to Sigmoid and the default initialiser and run again. Is the gap between layer 1 and layer 4 smaller or larger with ReLU, and by how much?',
    },
  },
  ui: {
    open: 'Lesson',
    panelLabel: 'Lesson',
    heading: 'Lesson',
    progress: (step, total) => `Step ${step} of ${total}`,
    back: 'Back',
    next: 'Next',
    finish: 'Finish',
    close: '×',
    closeLabel: 'Close the lesson (the lab stays as it is)',
    lookLabel: 'Look for',
    questionLabel: 'Question',
    where: (section, cite) => `§ ${section} · ${cite}`,
    chapterLink: 'Read this section in the chapter',
    translationNote: '',
    keysHint: '← → move between steps',
    stepsLabel: 'Steps of the lesson',
    goToStep: (step, title) => `Step ${step}: ${title}`,
    badLink: (raw, total) => `Ignored URL parameter "lesson": it must be a step number from 1 to ${total}, got "${raw}".`,
  },
};
